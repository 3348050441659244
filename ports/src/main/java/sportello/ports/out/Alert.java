package sportello.ports.out;

import java.time.Instant;
import java.util.Objects;

/**
 * Something an operator must know: a critical condition ({@code resolved} false) or the news that it cleared.
 * {@code key} names the condition (e.g. {@code whatsapp.token}), so repeats of one problem are one alert.
 */
public record Alert(String key, String title, String detail, boolean resolved, Instant at) {
    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
    }
}

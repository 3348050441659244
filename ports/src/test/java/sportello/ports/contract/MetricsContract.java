package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sportello.ports.out.Metrics;
import sportello.ports.out.Usage;

/** What every {@link Metrics} must do: take every measurement the use cases report, including edge values. */
public abstract class MetricsContract {

    protected abstract Metrics metrics();

    @Test
    void everyMeasurement_isTakenWithoutError() {
        var usage = new Usage("gpt-4.1-mini", 1864, 1536, 38, new BigDecimal("0.000346"), Instant.EPOCH);

        assertThatCode(() -> {
                    for (String outcome : List.of("stored", "unreadable", "rejected", "not_stored")) {
                        metrics().webhook(outcome, 0);
                    }
                    for (String outcome : List.of("accepted", "retry", "in_doubt", "refused")) {
                        metrics().send(outcome);
                    }
                    metrics().agentTurn("reply", Duration.ofMillis(850), List.of(usage, usage));
                    metrics().agentTurn("unavailable", Duration.ZERO, List.of());
                    metrics().processed(Duration.ofSeconds(3));
                })
                .doesNotThrowAnyException();
    }
}

package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sportello.ports.out.Alert;
import sportello.ports.out.AlertSink;

/** What every {@link AlertSink} must do: deliver best effort and never fail the caller, even when its receiver is down. */
public abstract class AlertSinkContract {

    protected abstract AlertSink sink();

    /** The receiver will refuse or be unreachable (a no-op for sinks that cannot fail). */
    protected abstract void arrangeReceiverDown();

    private static Alert alert(boolean resolved) {
        return new Alert(
                "openai.quota", "OpenAI quota exhausted", "add credit — è urgente 🚨", resolved, Instant.EPOCH);
    }

    @Test
    void alertAndResolution_areDeliveredWithoutError() {
        assertThatCode(() -> {
                    sink().deliver(alert(false));
                    sink().deliver(alert(true));
                })
                .doesNotThrowAnyException();
    }

    @Test
    void receiverDown_neverFailsTheCaller() {
        arrangeReceiverDown();

        assertThatCode(() -> sink().deliver(alert(false))).doesNotThrowAnyException();
    }
}

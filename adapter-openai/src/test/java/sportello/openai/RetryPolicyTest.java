package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import sportello.openai.wire.RetryHint;

class RetryPolicyTest {

    @Test
    void withoutHint_backoffDoubles_upToEightSeconds() {
        var policy = new RetryPolicy(() -> 0.0);

        assertThat(policy.delay(0, RetryHint.NONE)).contains(Duration.ofMillis(500));
        assertThat(policy.delay(1, RetryHint.NONE)).contains(Duration.ofSeconds(1));
        assertThat(policy.delay(4, RetryHint.NONE)).contains(Duration.ofSeconds(8));
        assertThat(policy.delay(10, RetryHint.NONE)).contains(Duration.ofSeconds(8));
    }

    @Test
    void jitter_shortensTheDelay_byAtMostAQuarter() {
        var policy = new RetryPolicy(() -> 0.999_999);

        assertThat(policy.delay(3, RetryHint.NONE)).contains(Duration.ofMillis(3000));
    }

    @Test
    void serverHint_isUsed_upToTwoMinutes() {
        var policy = new RetryPolicy(() -> 0.5);

        assertThat(policy.delay(0, new RetryHint(Duration.ZERO, null))).contains(Duration.ZERO);
        assertThat(policy.delay(2, new RetryHint(Duration.ofSeconds(120), null)))
                .contains(Duration.ofSeconds(120));
        assertThat(policy.delay(0, new RetryHint(Duration.ofSeconds(121), null)))
                .isEmpty();
    }
}

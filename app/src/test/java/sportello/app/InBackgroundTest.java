package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InBackgroundTest {

    @Test
    void theWorkRunsWhileTheCallerGoesOn() throws Exception {
        var callerWentOn = new CountDownLatch(1);
        var work = InBackground.start("test-work", () -> {
            try {
                callerWentOn.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Thread.currentThread().getName();
        });

        callerWentOn.countDown();

        assertThat(work.join()).isEqualTo("test-work");
    }

    @Test
    void aFailure_reachesTheCallerAsItWasThrown_soTheStartupErrorKeepsItsMessage() {
        var failure = new IllegalStateException("the data directory /srv/x is read-only: make it writable");
        var work = InBackground.<String>start("test-work", () -> {
            throw failure;
        });

        assertThatThrownBy(work::join).isSameAs(failure);
    }
}

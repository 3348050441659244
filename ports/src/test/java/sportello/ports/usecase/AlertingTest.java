package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Alert;

class AlertingTest {

    private final List<Alert> delivered = new ArrayList<>();
    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private final Alerting alerting = new Alerting(List.of(delivered::add), clock, Duration.ofHours(1), 5);

    @Test
    void repeatedProblem_isOneAlert_untilItIsResolved() {
        alerting.raise("openai.quota", "OpenAI quota exhausted", "add credit");
        alerting.raise("openai.quota", "OpenAI quota exhausted", "add credit");
        clock.advance(Duration.ofMinutes(10));
        alerting.raise("openai.quota", "OpenAI quota exhausted", "add credit");

        alerting.resolve("openai.quota");
        alerting.resolve("openai.quota");

        assertThat(delivered)
                .extracting(Alert::title, Alert::resolved)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("OpenAI quota exhausted", false),
                        org.assertj.core.groups.Tuple.tuple("Resolved: OpenAI quota exhausted", true));
    }

    @Test
    void persistingProblem_isRemindedAfterTheInterval() {
        alerting.raise("whatsapp.token", "WhatsApp token expired", "");
        clock.advance(Duration.ofHours(1));
        alerting.raise("whatsapp.token", "WhatsApp token expired", "");

        assertThat(delivered).hasSize(2);
    }

    @Test
    void resolvingSomethingNeverRaised_sendsNothing() {
        alerting.resolve("disk");

        assertThat(delivered).isEmpty();
    }

    @Test
    void storm_isCappedPerHour() {
        for (int i = 0; i < 20; i++) {
            alerting.raise("problem." + i, "Problem " + i, "");
        }

        assertThat(delivered).hasSize(5);
        clock.advance(Duration.ofMinutes(61));
        alerting.raise("problem.late", "Late problem", "");
        assertThat(delivered).hasSize(6);
    }

    @Test
    void aFailingSink_doesNotStopTheOthers() {
        var reached = new ArrayList<Alert>();
        var both = new Alerting(
                List.of(
                        alert -> {
                            throw new IllegalStateException("receiver down");
                        },
                        reached::add),
                clock,
                Duration.ofHours(1),
                5);

        both.raise("db", "Database not writable", "");

        assertThat(reached).hasSize(1);
    }
}

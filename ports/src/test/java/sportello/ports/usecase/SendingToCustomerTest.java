package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.SendToCustomer.Outcome;

class SendingToCustomerTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ManualClock clock = new ManualClock(TestMessages.T0.plus(Duration.ofHours(1)));
    private final SendingToCustomer sending =
            new SendingToCustomer(storage, storage, clock, () -> {}, new RecordingEvents());

    @BeforeEach
    void giuliaWroteAnHourAgo() {
        storage.save(Conversation.start(new ConversationId("c1"), giulia())
                .receive("m1", text(giulia(), "w1", "Ciao"), ProfileSchema.standard())
                .conversation());
    }

    @Test
    void humanTypedNumber_findsTheCustomer_andQueuesAStaffMessage() {
        var outcome = sending.send("+39 333 123 4567", "Il suo ordine è pronto.");

        assertThat(outcome).isInstanceOf(Outcome.Queued.class);
        var conversation = storage.byId(new ConversationId("c1")).orElseThrow();
        assertThat(conversation.mode()).isEqualTo(Mode.HUMAN);
        assertThat(conversation.messages().getLast().author()).isEqualTo(Author.STAFF);
        assertThat(conversation.messages().getLast().text()).isEqualTo("Il suo ordine è pronto.");
    }

    @Test
    void userId_findsTheCustomerToo() {
        assertThat(sending.send("IT.1234567890123456", "Ciao")).isInstanceOf(Outcome.Queued.class);
    }

    @Test
    void afterTheWindowCloses_freeTextIsRefused_withTheReason() {
        clock.advance(Duration.ofHours(24));

        var outcome = sending.send("393331234567", "Ciao");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        r -> assertThat(r.reason()).contains("24 hours").contains("template"));
    }

    @Test
    void someoneWhoNeverWrote_cannotGetFreeText() {
        assertThat(sending.send("+39 347 000 0000", "Ciao")).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void nonsenseRecipient_isRefusedWithAnExplanation() {
        var outcome = sending.send("giulia", "Ciao");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class, r -> assertThat(r.reason()).contains("neither a phone number"));
    }
}

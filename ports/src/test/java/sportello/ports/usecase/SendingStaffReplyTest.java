package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.OutsideServiceWindow;

/** Free text goes out only inside the customer's window; outside it staff are told to send a template. */
class SendingStaffReplyTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ManualClock clock = new ManualClock(TestMessages.T0.plusSeconds(60));
    private final SendingStaffReply replying =
            new SendingStaffReply(storage, storage, clock, () -> {}, new RecordingEvents());
    private final ConversationId id = new ConversationId("c1");

    @BeforeEach
    void giuliaWrote() {
        storage.save(Conversation.start(id, giulia())
                .receive("m1", text(giulia(), "w1", "Ciao"), ProfileSchema.standard())
                .conversation());
    }

    @Test
    void insideTheWindow_theReplyIsQueued() {
        replying.send(id, "Sono Anna, la aiuto io");

        assertThat(storage.unsentCount()).isEqualTo(1);
    }

    @Test
    void afterTheWindow_freeTextIsRefused_pointingToTemplates_andNothingIsQueued() {
        clock.advance(Duration.ofHours(24));

        assertThatThrownBy(() -> replying.send(id, "Ci sei?"))
                .isInstanceOf(OutsideServiceWindow.class)
                .hasMessageContaining("only an approved template");
        assertThat(storage.unsentCount()).isZero();
    }

    @Test
    void windowClosedByWhatsApp_refusesFreeTextToo() {
        storage.save(storage.byId(id).orElseThrow().windowClosedByChannel(clock.instant()));

        assertThatThrownBy(() -> replying.send(id, "Ci sei?")).isInstanceOf(OutsideServiceWindow.class);
    }
}

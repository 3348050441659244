package sportello.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.domain.conversation.TestConversations.GIULIA;
import static sportello.domain.conversation.TestMessages.MONDAY_9AM;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import sportello.domain.profile.ProfileSchema;

class ServiceWindowTest {

    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void customerNeverWrote_noWindow() {
        var conversation = TestConversations.newWith(GIULIA)
                .append(Message.outbound("o1", Author.STAFF, "Il suo ordine è pronto", MONDAY_9AM));

        var window = conversation.serviceWindow();

        assertThat(window).isEmpty();
        assertThat(conversation.windowOpenAt(MONDAY_9AM)).isFalse();
    }

    @Test
    void customerWrote_windowIsOpenFor24Hours() {
        var conversation = TestConversations.after(GIULIA, "Ciao");

        var window = conversation.serviceWindow().orElseThrow();

        assertThat(window.closesAt()).isEqualTo(MONDAY_9AM.plus(DAY));
        assertThat(window.isOpenAt(MONDAY_9AM)).isTrue();
        assertThat(window.isOpenAt(MONDAY_9AM.plus(DAY).minusSeconds(1))).isTrue();
        assertThat(window.remainingAt(MONDAY_9AM.plusSeconds(3600))).isEqualTo(DAY.minusHours(1));
    }

    @Test
    void after24Hours_windowIsClosed() {
        var conversation = TestConversations.after(GIULIA, "Ciao");

        var window = conversation.serviceWindow().orElseThrow();

        assertThat(window.isOpenAt(MONDAY_9AM.plus(DAY))).isFalse();
        assertThat(window.isOpenAt(MONDAY_9AM.plus(DAY).plusSeconds(1))).isFalse();
        assertThat(window.remainingAt(MONDAY_9AM.plus(DAY).plusSeconds(1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void laterCustomerMessage_extendsTheWindow() {
        var conversation = TestConversations.after(GIULIA, "Ciao", "Ci siete?");

        var window = conversation.serviceWindow().orElseThrow();

        assertThat(window.closesAt()).isEqualTo(MONDAY_9AM.plusSeconds(60).plus(DAY));
    }

    @Test
    void ourReplies_doNotExtendTheWindow() {
        var conversation = TestConversations.after(GIULIA, "Ciao")
                .append(Message.outbound("o1", Author.BOT, "Ciao!", MONDAY_9AM.plus(Duration.ofHours(20))));

        var window = conversation.serviceWindow().orElseThrow();

        assertThat(window.closesAt()).isEqualTo(MONDAY_9AM.plus(DAY));
    }

    @Test
    void systemNotice_doesNotOpenTheWindow() {
        var notice = TestMessages.ofKind(MessageKind.SYSTEM, GIULIA, "customer changed number");
        var conversation = TestConversations.newWith(GIULIA)
                .receive("m1", notice, ProfileSchema.standard())
                .conversation();

        var window = conversation.serviceWindow();

        assertThat(window).isEmpty();
    }

    @Test
    void channelSaysTheWindowClosed_itIsClosedFromThen_untilTheCustomerWritesAgain() {
        var refusedAt = MONDAY_9AM.plus(Duration.ofHours(20));
        var conversation = TestConversations.after(GIULIA, "Ciao").windowClosedByChannel(refusedAt);

        var window = conversation.serviceWindow().orElseThrow();
        assertThat(window.isOpenAt(refusedAt.minusSeconds(1))).isTrue();
        assertThat(window.isOpenAt(refusedAt)).isFalse();
        assertThat(conversation.withMode(Mode.HUMAN).serviceWindow()).contains(window);

        var wroteAgain = conversation
                .receive(
                        "m2",
                        TestMessages.textFrom(GIULIA, "ci siete?", refusedAt.plusSeconds(60)),
                        ProfileSchema.standard())
                .conversation();

        assertThat(wroteAgain.serviceWindow().orElseThrow().isOpenAt(refusedAt.plusSeconds(120)))
                .isTrue();
    }
}

package sportello.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The small value types a conversation is built from. */
class ConversationValuesTest {

    @ParameterizedTest
    @EnumSource(
            value = MessageKind.class,
            names = {"REACTION", "SYSTEM", "STICKER"})
    void kindsWithNothingToAnswer_startNoAgentTurn(MessageKind kind) {
        assertThat(kind.startsAgentTurn()).isFalse();
    }

    @Test
    void unsupportedKind_isStillAnswered_soNoMessageGoesUnseen() {
        assertThat(MessageKind.UNSUPPORTED.startsAgentTurn()).isTrue();
    }

    @Test
    void attentionWithoutTime_isRefused() {
        assertThatThrownBy(() -> Attention.needed("handoff", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noAttention_hasNoReason() {
        assertThat(Attention.NONE.isNeeded()).isFalse();
        assertThat(Attention.NONE.reasonValue()).isEmpty();
    }

    @Test
    void statusReportWithoutTime_isRefused() {
        assertThatThrownBy(() -> new StatusReport("acc", "wamid.1", DeliveryState.SENT, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void customerMessageWithoutText_hasEmptyText() {
        var message = new CustomerMessage(
                "acc", "wamid.1", TestMessages.customer("393331234567"), MessageKind.IMAGE, null, Instant.EPOCH, null);

        assertThat(message.text()).isEmpty();
        assertThat(message.raw()).isEmpty();
    }
}

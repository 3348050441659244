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
    void attachment_travelsFromTheCustomerMessageIntoTheConversation() {
        var photo = new Attachment("1203948576102938", "image/jpeg", null);
        var sent = new CustomerMessage(
                "acc",
                "wamid.photo",
                TestMessages.customer("393331234567"),
                MessageKind.IMAGE,
                "Ecco lo scontrino",
                Instant.parse("2026-11-16T09:00:00Z"),
                "{}",
                photo);

        var recorded = Message.inbound("m-1", sent);

        assertThat(recorded.attachmentValue()).contains(photo);
        assertThat(recorded.withDelivery(Delivery.PENDING).attachmentValue()).contains(photo);
    }

    @Test
    void attachment_withoutMediaId_isRefused_andMissingMimeTypeMeansUnknownBytes() {
        assertThatThrownBy(() -> new Attachment(" ", "image/jpeg", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Attachment("1", null, " ").mimeType()).isEqualTo("application/octet-stream");
        assertThat(new Attachment("1", null, " ").fileNameValue()).isEmpty();
        assertThat(new Attachment("1", "audio/ogg; codecs=opus", "nota.ogg").baseMimeType())
                .isEqualTo("audio/ogg");
    }

    @Test
    void templateMessage_followsTheChannelsRules_withErrorsThatSayWhatToDo() {
        var ok = new TemplateMessage(" aggiornamento_ordine ", "it", java.util.List.of("Giulia", "58213"));
        assertThat(ok.name()).isEqualTo("aggiornamento_ordine");
        assertThat(ok.preview()).isEqualTo("📋 aggiornamento_ordine: Giulia, 58213");

        assertThatThrownBy(() -> new TemplateMessage("Aggiornamento Ordine", "it", null))
                .hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> new TemplateMessage("x", "italiano", null)).hasMessageContaining("it, en or en_US");
        assertThatThrownBy(() -> new TemplateMessage("x", "it", java.util.List.of("riga\nnuova")))
                .hasMessageContaining("new lines");
        assertThatThrownBy(() -> new TemplateMessage("x", "en_US", java.util.List.of(" ")))
                .hasMessageContaining("empty");
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
    void onlyAFailureCanSayTheServiceWindowClosed() {
        assertThatThrownBy(() -> new StatusReport(
                        "acc", "wamid.1", DeliveryState.DELIVERED, Instant.EPOCH, null, null, null, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DELIVERED");
        assertThat(new StatusReport("acc", "wamid.1", DeliveryState.FAILED, Instant.EPOCH, "131047", null, null, true)
                        .closesServiceWindow())
                .isTrue();
    }

    @Test
    void customerMessageWithoutText_hasEmptyText() {
        var message = new CustomerMessage(
                "acc", "wamid.1", TestMessages.customer("393331234567"), MessageKind.IMAGE, null, Instant.EPOCH, null);

        assertThat(message.text()).isEmpty();
        assertThat(message.raw()).isEmpty();
    }
}

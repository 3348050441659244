package sportello.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.inbound.SignedWebhooks.fixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.CustomerKey;
import sportello.whatsapp.TestSettings;

class InboundMessagesTest {

    static Stream<Arguments> inboundFixtures() {
        return Stream.of(
                Arguments.of(
                        "inbound-text.json",
                        MessageKind.TEXT,
                        "Buongiorno! L'ordine del 14/11 è già partito? Vorrei sapere quando arriverà 😊"),
                Arguments.of("inbound-text-username-only.json", MessageKind.TEXT, "C'è ancora la torta al pistacchio?"),
                Arguments.of("inbound-image.json", MessageKind.IMAGE, "Ecco lo scontrino"),
                Arguments.of("inbound-audio-voice.json", MessageKind.AUDIO, "🎤 voice message"),
                Arguments.of("inbound-video.json", MessageKind.VIDEO, "Il pacco è arrivato così"),
                Arguments.of("inbound-document.json", MessageKind.DOCUMENT, "Fattura di ottobre"),
                Arguments.of("inbound-sticker.json", MessageKind.STICKER, "💟 sticker"),
                Arguments.of(
                        "inbound-location.json",
                        MessageKind.LOCATION,
                        "📍 45.4642035,9.189982 Piazza del Duomo, Piazza del Duomo, 20122 Milano MI"),
                Arguments.of("inbound-contacts.json", MessageKind.CONTACTS, "👤 Luca Verdi +39 333 555 0101"),
                Arguments.of("inbound-interactive-button-reply.json", MessageKind.BUTTON_REPLY, "Stato ordine"),
                Arguments.of("inbound-interactive-list-reply.json", MessageKind.BUTTON_REPLY, "Martedì 10:00"),
                Arguments.of("inbound-template-button.json", MessageKind.BUTTON_REPLY, "Tutto ok"),
                Arguments.of("inbound-reaction.json", MessageKind.REACTION, "❤️"),
                Arguments.of("inbound-reaction-removed.json", MessageKind.REACTION, ""),
                Arguments.of("inbound-unsupported.json", MessageKind.UNSUPPORTED, "unsupported message"),
                Arguments.of("inbound-reply-context.json", MessageKind.TEXT, "Sì, intendevo proprio quello"),
                Arguments.of("inbound-forwarded.json", MessageKind.TEXT, "Guarda questa offerta che mi hanno girato"),
                Arguments.of("inbound-referral.json", MessageKind.TEXT, "Vorrei più informazioni su questa offerta"),
                Arguments.of(
                        "inbound-system-user-changed-number.json",
                        MessageKind.SYSTEM,
                        "customer changed phone number to 393339876543 (user id IT.9876543210123456)"),
                Arguments.of(
                        "inbound-system-user-changed-user-id.json",
                        MessageKind.SYSTEM,
                        "customer's user id changed to IT.1357924680135792"),
                Arguments.of("inbound-edit.json", MessageKind.UNSUPPORTED, "unsupported message"),
                Arguments.of("inbound-revoke.json", MessageKind.UNSUPPORTED, "unsupported message"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inboundFixtures")
    void inboundFixture_isReadAsOneMessageOfItsKind(String fixture, MessageKind kind, String text) throws Exception {
        var events = fixture(fixture);

        assertThat(events.notices()).isEmpty();
        assertThat(events.statuses()).isEmpty();
        assertThat(events.messages()).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(kind);
            assertThat(message.text()).isEqualTo(text);
            assertThat(message.channelAccount()).isEqualTo(TestSettings.PHONE_NUMBER_ID);
            assertThat(message.channelMessageId()).startsWith("wamid.");
            // raw is the message's own JSON, decoded, so staff see what Meta sent
            assertThat(new ObjectMapper().readTree(message.raw()).path("id").asText())
                    .isEqualTo(message.channelMessageId());
        });
    }

    @Test
    void giuliasText_carriesHerIdentityTimeAndRawJson() {
        CustomerMessage message = fixture("inbound-text.json").messages().get(0);

        assertThat(message.channelMessageId())
                .isEqualTo("wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgUMDAyQjZFMTI1QkNCQjdDNjVBOTEA");
        assertThat(message.customer().key()).isEqualTo(new CustomerKey("IT.1234567890123456"));
        assertThat(message.customer().phone()).isEqualTo("393331234567");
        assertThat(message.customer().displayName()).isEqualTo("Giulia Rossi");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1795512600));
        assertThat(message.raw()).contains("\"type\":\"text\"").contains("è già partito");
    }

    @Test
    void usernameOnlyCustomer_hasNoPhoneAndIsKeyedByUserId() {
        CustomerMessage message =
                fixture("inbound-text-username-only.json").messages().get(0);

        assertThat(message.customer().key()).isEqualTo(new CustomerKey("IT.2468013579246801"));
        assertThat(message.customer().phoneValue()).isEmpty();
        assertThat(message.customer().displayName()).isEqualTo("Chiara");
    }

    @Test
    void changedNumberNotice_isFiledUnderTheIdentityWeAlreadyKnow() {
        CustomerMessage message =
                fixture("inbound-system-user-changed-number.json").messages().get(0);

        assertThat(message.customer().key()).isEqualTo(new CustomerKey("IT.1234567890123456"));
        assertThat(message.customer().phone()).isEqualTo("393331234567");
        assertThat(message.raw()).contains("IT.9876543210123456");
    }

    @Test
    void changedUserIdNotice_withoutAnyPhone_isFiledUnderThePreviousUserId() {
        CustomerMessage message =
                fixture("inbound-system-user-changed-user-id.json").messages().get(0);

        assertThat(message.customer().key()).isEqualTo(new CustomerKey("IT.2468013579246801"));
        assertThat(message.customer().phoneValue()).isEmpty();
    }

    @Test
    void batchedWebhook_yieldsEveryMessageAndStatusWithTheirOwnSenders() {
        var events = fixture("webhook-batched.json");

        assertThat(events.notices()).isEmpty();
        assertThat(events.messages())
                .extracting(m -> m.customer().displayName(), CustomerMessage::kind, CustomerMessage::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Marco Bianchi", MessageKind.TEXT, "Buonasera"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Marco Bianchi", MessageKind.TEXT, "Il mio numero d'ordine è 58213"),
                        org.assertj.core.groups.Tuple.tuple("Giulia Rossi", MessageKind.IMAGE, "📷 image"));
        assertThat(events.messages().get(2).customer().key()).isEqualTo(new CustomerKey("IT.1234567890123456"));
        assertThat(events.statuses()).hasSize(2);
    }
}

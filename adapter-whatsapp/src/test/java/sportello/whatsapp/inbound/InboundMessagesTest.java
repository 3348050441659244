package sportello.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.inbound.SignedWebhooks.fixture;
import static sportello.whatsapp.inbound.SignedWebhooks.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.CustomerKey;
import sportello.whatsapp.TestSettings;

class InboundMessagesTest {

    private static final Set<MessageKind> MEDIA =
            Set.of(MessageKind.IMAGE, MessageKind.AUDIO, MessageKind.VIDEO, MessageKind.DOCUMENT, MessageKind.STICKER);

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
                        "customer's user id changed from IT.2468013579246801 to IT.1357924680135792"),
                Arguments.of(
                        "inbound-edit.json",
                        MessageKind.EDIT,
                        "✏️ Buongiorno! L'ordine 58213 del 14/11 è già partito?"),
                Arguments.of("inbound-revoke.json", MessageKind.DELETION, "🗑 message deleted by the customer"));
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
            assertThat(message.attachmentValue().isPresent()).isEqualTo(MEDIA.contains(kind));
            // raw is the message's own JSON, decoded, so staff see what Meta sent
            assertThat(new ObjectMapper().readTree(message.raw()).path("id").asText())
                    .isEqualTo(message.channelMessageId());
        });
    }

    static Stream<Arguments> mediaFixtures() {
        return Stream.of(
                Arguments.of("inbound-image.json", new Attachment("1203948576102938", "image/jpeg", null)),
                Arguments.of(
                        "inbound-audio-voice.json", new Attachment("1203948576102939", "audio/ogg; codecs=opus", null)),
                Arguments.of("inbound-video.json", new Attachment("1203948576102940", "video/mp4", null)),
                Arguments.of(
                        "inbound-document.json",
                        new Attachment("1203948576102941", "application/pdf", "fattura-2026-10.pdf")),
                Arguments.of("inbound-sticker.json", new Attachment("1203948576102942", "image/webp", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mediaFixtures")
    void mediaFixture_namesTheFileToDownload(String fixture, Attachment expected) {
        CustomerMessage message = fixture(fixture).messages().get(0);

        assertThat(message.attachment()).isEqualTo(expected);
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

    /** Giulia's text, which she edits in inbound-edit.json. */
    private static final String GIULIAS_TEXT = "wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgUMDAyQjZFMTI1QkNCQjdDNjVBOTEA";
    /** Our text reply, which she reacts to and quotes. */
    private static final String OUR_REPLY = "wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSNTVEMDA1Q0UwRjQ2NDVGQkMzAA==";

    static Stream<Arguments> referringFixtures() {
        return Stream.of(
                Arguments.of("inbound-edit.json", GIULIAS_TEXT),
                // the forwarded text she deletes
                Arguments.of("inbound-revoke.json", "wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgURUFGRDJFRkU1NjE0MUQ2ODc5MUQA"),
                Arguments.of("inbound-reaction.json", OUR_REPLY),
                Arguments.of("inbound-reaction-removed.json", OUR_REPLY),
                Arguments.of("inbound-reply-context.json", OUR_REPLY),
                // a tap on a button answers the message that carried the buttons
                Arguments.of(
                        "inbound-interactive-button-reply.json",
                        "wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSNTU4NTA0MzM0MEE3MjlCNkZFAA=="),
                Arguments.of(
                        "inbound-template-button.json",
                        "wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSMkNCNjhBMjA5QjM2ODJCQkIyAA=="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referringFixtures")
    void messageAboutAnother_namesItsWamid(String fixture, String wamid) {
        CustomerMessage message = fixture(fixture).messages().get(0);

        assertThat(message.refersTo()).isEqualTo(wamid);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"inbound-text.json", "inbound-forwarded.json", "inbound-image.json"})
    void messageAboutNoOther_refersToNothing(String fixture) {
        CustomerMessage message = fixture(fixture).messages().get(0);

        // inbound-forwarded.json has a context too, but "forwarded" is a flag, not a message id
        assertThat(message.refersToValue()).isEmpty();
    }

    @Test
    void forwardedText_keepsItsTextAsItIs() {
        CustomerMessage message = fixture("inbound-forwarded.json").messages().get(0);

        assertThat(message.text()).isEqualTo("Guarda questa offerta che mi hanno girato");
    }

    @Test
    void quoteWrittenAsInOurSends_contextMessageId_isReadToo() {
        var events = json(
                message("\"context\":{\"message_id\":\"wamid.QUOTED\"},\"type\":\"text\",\"text\":{\"body\":\"sì\"}"));

        assertThat(events.messages()).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
            assertThat(message.refersTo()).isEqualTo("wamid.QUOTED");
        });
    }

    @Test
    void editedCaption_isReadLikeAnImage_withoutAnotherFileToDownload() {
        var events = json(message("\"type\":\"edit\",\"edit\":{\"original_message_id\":\"wamid.PHOTO\","
                + "\"message\":{\"type\":\"image\",\"image\":{\"id\":\"1203948576102938\","
                + "\"mime_type\":\"image/jpeg\",\"caption\":\"Lo scontrino giusto\"}}}"));

        assertThat(events.messages()).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.EDIT);
            assertThat(message.text()).isEqualTo("✏️ Lo scontrino giusto");
            assertThat(message.refersTo()).isEqualTo("wamid.PHOTO");
            assertThat(message.attachmentValue()).isEmpty();
        });
    }

    static Stream<Arguments> oddEdits() {
        return Stream.of(
                Arguments.of("{}", "✏️ message edited", null),
                Arguments.of("{\"original_message_id\":\"wamid.X\"}", "✏️ message edited", "wamid.X"),
                Arguments.of("{\"message\":\"not an object\"}", "✏️ message edited", null),
                Arguments.of(
                        "{\"original_message_id\":7,\"message\":{\"type\":\"poll\"}}", "✏️ unsupported message", "7"),
                // an edit nested in an edit is not followed
                Arguments.of(
                        "{\"message\":{\"type\":\"edit\",\"edit\":{\"message\":{\"type\":\"text\"}}}}",
                        "✏️ unsupported message",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddEdits")
    void oddlyShapedEdit_isStillKeptAsAnEdit(String edit, String text, String refersTo) {
        var events = json(message("\"type\":\"edit\",\"edit\":" + edit));

        assertThat(events.messages()).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.EDIT);
            assertThat(message.text()).isEqualTo(text);
            assertThat(message.refersTo()).isEqualTo(refersTo);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"revoke\":{}", "\"revoke\":[]", "\"other\":1"})
    void revokeWithoutOriginal_isStillADeletion(String revoke) {
        var events = json(message("\"type\":\"revoke\"," + revoke));

        assertThat(events.messages()).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.DELETION);
            assertThat(message.text()).isEqualTo("🗑 message deleted by the customer");
            assertThat(message.refersToValue()).isEmpty();
        });
    }

    @Test
    void reactionWithoutMessageId_fallsBackToItsContext() {
        var events = json(message("\"context\":{\"id\":\"wamid.CTX\"},\"type\":\"reaction\","
                + "\"reaction\":{\"emoji\":\"\\ud83d\\udc4d\"}"));

        assertThat(events.messages().get(0).refersTo()).isEqualTo("wamid.CTX");
        assertThat(events.messages().get(0).text()).isEqualTo("👍");
    }

    @Test
    void changedNumberNotice_carriesTheNewUserIdWithTheOldPhone_soTheConversationIsFoundAndRelinked() {
        CustomerMessage message =
                fixture("inbound-system-user-changed-number.json").messages().get(0);

        // Found by the old phone (also in conversations stored before BSUIDs), then updated to the new user id;
        // her next message, from the new phone, brings that phone. Keyed like her next messages.
        assertThat(message.customer().key()).isEqualTo(new CustomerKey("IT.9876543210123456"));
        assertThat(message.customer().userId()).isEqualTo("IT.9876543210123456");
        assertThat(message.customer().phone()).isEqualTo("393331234567");
        assertThat(message.customer().displayNameValue()).isEmpty();
        assertThat(message.raw()).contains("393339876543").contains("IT.1234567890123456");
    }

    @Test
    void changedNumberNotice_withoutTheOldPhone_carriesTheOldUserIdWithTheNewPhone() {
        var events = json(message("\"type\":\"system\",\"system\":{\"type\":\"user_changed_number\","
                        + "\"wa_id\":\"393339876543\",\"user_id\":\"IT.9876543210123456\","
                        + "\"previous_user_id\":\"IT.1234567890123456\"}")
                .replace("\"from\":\"393331234567\",", ""));

        var customer = events.messages().get(0).customer();

        // Found by the old user id and given the new phone, by which her next message (new user id) is found.
        assertThat(customer.userId()).isEqualTo("IT.1234567890123456");
        assertThat(customer.phone()).isEqualTo("393339876543");
    }

    @Test
    void changedUserIdNotice_withoutAnyPhone_carriesTheNewUserId_andTheOldOneToFindTheConversation() {
        CustomerMessage message =
                fixture("inbound-system-user-changed-user-id.json").messages().get(0);

        assertThat(message.customer().key()).isEqualTo(new CustomerKey("IT.1357924680135792"));
        assertThat(message.customer().userId()).isEqualTo("IT.1357924680135792");
        assertThat(message.customer().previousUserIdValue()).contains("IT.2468013579246801");
        assertThat(message.customer().phoneValue()).isEmpty();
        assertThat(message.text()).contains("IT.2468013579246801");
    }

    @Test
    void changedUserIdNotice_ofACustomerWithAPhone_carriesTheNewUserIdWithThatPhone() {
        var events = json(message("\"type\":\"system\",\"system\":{\"type\":\"user_changed_user_id\","
                + "\"user_id\":\"IT.9876543210123456\",\"previous_user_id\":\"IT.1234567890123456\"}"));

        var customer = events.messages().get(0).customer();

        assertThat(customer.userId()).isEqualTo("IT.9876543210123456");
        assertThat(customer.phone()).isEqualTo("393331234567");
    }

    @Test
    void systemNoticeWithoutAnyIdentity_isSkippedWithANotice() {
        var events = json(message("\"type\":\"system\",\"system\":{\"type\":\"user_changed_number\"}")
                .replace("\"from\":\"393331234567\",", ""));

        assertThat(events.messages()).isEmpty();
        assertThat(events.notices()).singleElement().asString().contains("names neither a user id nor a phone");
    }

    /** One message from Giulia's phone (no BSUID, no contacts) with the given fields after "timestamp". */
    private static String message(String fields) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"184932760215487\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"display_phone_number\":\"390212345678\",\"phone_number_id\":\""
                + TestSettings.PHONE_NUMBER_ID + "\"},\"messages\":[{\"from\":\"393331234567\","
                + "\"id\":\"wamid.TEST\",\"timestamp\":\"1795513800\"," + fields + "}]}}]}]}";
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
        assertThat(events.messages().get(2).attachmentValue()).isPresent();
        assertThat(events.statuses()).hasSize(2);
    }
}

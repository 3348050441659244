package sportello.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.inbound.SignedWebhooks.fixture;
import static sportello.whatsapp.inbound.SignedWebhooks.json;
import static sportello.whatsapp.inbound.SignedWebhooks.read;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import sportello.domain.conversation.BusinessEcho;
import sportello.domain.customer.CustomerKey;
import sportello.ports.out.WebhookReader.Reading;
import sportello.whatsapp.Fixtures;
import sportello.whatsapp.TestSettings;

/**
 * Coexistence echoes: what staff send from the WhatsApp Business app on Sportello's number. The fixture
 * {@code inbound-smb-message-echo.json} follows the syntax of Meta's "smb_message_echoes webhook reference" (updated
 * 2025-10-22): {@code field: smb_message_echoes}, {@code value.metadata} as for messages, and
 * {@code value.message_echoes[]} of {@code {from, to, id, timestamp, type, <type>: {…}}}, where {@code from} is the
 * business number and {@code to} the customer. Meta's page names no BSUID field; {@code to_user_id} is an assumption,
 * after its {@code from_user_id} and {@code recipient_user_id} and the {@code toUserId} a provider (YCloud) forwards.
 */
class BusinessEchoesTest {

    private static final String ECHO_ID = "wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSMkI3RTlBMDRGQzE1RDZBOEUzAA==";

    @Test
    void textSentFromTheBusinessApp_isAnEchoToGiulia() {
        var events = fixture("inbound-smb-message-echo.json");

        assertThat(events.notices()).isEmpty();
        assertThat(events.messages()).isEmpty();
        assertThat(events.statuses()).isEmpty();
        assertThat(events.echoes()).singleElement().satisfies(echo -> {
            assertThat(echo.channelAccount()).isEqualTo(TestSettings.PHONE_NUMBER_ID);
            assertThat(echo.channelMessageId()).isEqualTo(ECHO_ID);
            assertThat(echo.text())
                    .isEqualTo("Ciao Giulia, il pacco è partito stamattina: lo trovi su"
                            + " https://www.example.it/tracking/58213");
            assertThat(echo.sentAt()).isEqualTo(Instant.ofEpochSecond(1795513920));
            // built like the customer of her own messages: keyed by the user id, with her phone
            assertThat(echo.customer().key()).isEqualTo(new CustomerKey("IT.1234567890123456"));
            assertThat(echo.customer().phone()).isEqualTo("393331234567");
        });
    }

    @Test
    void echo_isCheckedLikeEveryWebhook() {
        byte[] body = Fixtures.bytes("inbound-smb-message-echo.json");
        byte[] altered = new String(body, StandardCharsets.UTF_8)
                .replace("stamattina", "stasera")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(read(body)).isInstanceOf(Reading.Events.class);
        assertThat(SignedWebhooks.READER.read(altered, SignedWebhooks.signed(body)))
                .isInstanceOf(Reading.Forged.class);
        assertThat(SignedWebhooks.READER.read(body, Map.of())).isInstanceOf(Reading.Forged.class);
    }

    static Stream<Arguments> echoContents() {
        return Stream.of(
                Arguments.of(
                        "\"type\":\"image\",\"image\":{\"id\":\"1479000000000123\",\"caption\":\"Il listino\"}",
                        "Il listino"),
                Arguments.of("\"type\":\"image\",\"image\":{\"id\":\"1479000000000123\"}", "📷 image"),
                Arguments.of("\"type\":\"document\",\"document\":{\"filename\":\"listino.pdf\"}", "listino.pdf"),
                Arguments.of("\"type\":\"audio\",\"audio\":{\"voice\":true}", "🎤 voice message"),
                Arguments.of("\"type\":\"poll\",\"poll\":{}", "unsupported message"),
                Arguments.of("\"text\":{\"body\":\"no type\"}", "unsupported message"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("echoContents")
    void echoedContent_readsLikeAnInboundMessage(String content, String text) {
        var events = json(echo("\"to\":\"393331234567\"," + content));

        assertThat(events.echoes()).extracting(BusinessEcho::text).containsExactly(text);
    }

    @Test
    void echoToAPhoneWithAPlus_isFiledUnderTheDigitsWebhooksUse() {
        var events = json(echo("\"to\":\"+393331234567\",\"type\":\"text\",\"text\":{\"body\":\"ok\"}"));

        var customer = events.echoes().get(0).customer();
        assertThat(customer.key()).isEqualTo(new CustomerKey("393331234567"));
        assertThat(customer.userIdValue()).isEmpty();
    }

    @Test
    void echoToAUsernameCustomer_isFiledUnderTheUserId() {
        var events = json(echo("\"to_user_id\":\"IT.2468013579246801\",\"type\":\"text\",\"text\":{\"body\":\"ok\"}"));

        var customer = events.echoes().get(0).customer();
        assertThat(customer.key()).isEqualTo(new CustomerKey("IT.2468013579246801"));
        assertThat(customer.phoneValue()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "\"to\":\"+\",", "\"to\":\"  \",\"to_user_id\":\"\","})
    void echoWithoutAnyoneToFileItUnder_isSkippedWithANotice(String recipient) {
        var events = json(echo(recipient + "\"type\":\"text\",\"text\":{\"body\":\"ok\"}"));

        assertThat(events.echoes()).isEmpty();
        assertThat(events.notices()).singleElement().asString().contains("neither a user id nor a phone");
    }

    @Test
    void echoWithoutPhoneNumberId_isSkipped_likeAMessage() {
        String body = echo("\"to\":\"393331234567\",\"type\":\"text\",\"text\":{\"body\":\"ok\"}")
                .replace("\"phone_number_id\":\"" + TestSettings.PHONE_NUMBER_ID + "\"", "\"other\":1");

        var events = json(body);

        assertThat(events.echoes()).isEmpty();
        assertThat(events.notices()).singleElement().asString().contains("no metadata.phone_number_id");
    }

    @Test
    void echoForAnotherNumber_isOnlyNoticed_likeAMessage() {
        String body = echo("\"to\":\"393331234567\",\"type\":\"text\",\"text\":{\"body\":\"ok\"}")
                .replace(TestSettings.PHONE_NUMBER_ID, "999");

        var events = json(body);

        assertThat(events.echoes()).isEmpty();
        assertThat(events.notices()).singleElement().asString().contains("999 is not configured");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "\"message_echoes\":{}",
                "\"message_echoes\":[1,null,[]]",
                "\"message_echoes\":[{\"to\":\"393331234567\"}]",
                "\"message_echoes\":[{\"id\":\"wamid.E\",\"to\":\"393331234567\",\"timestamp\":\"soon\"}]"
            })
    void oddlyShapedEchoes_becomeNotices(String echoes) {
        var events = json(change("smb_message_echoes", echoes));

        assertThat(events.echoes()).isEmpty();
        assertThat(events.notices()).isNotEmpty();
    }

    @Test
    void echoesUnderTheMessagesField_andMessagesUnderTheEchoesField_areNotMixedUp() {
        String echoes = "\"message_echoes\":[{\"id\":\"wamid.E\",\"to\":\"393331234567\",\"timestamp\":\"1\"}]";
        String messages = "\"messages\":[{\"id\":\"wamid.M\",\"from\":\"393331234567\",\"timestamp\":\"1\"}]";

        var underMessages = json(change("messages", echoes));
        var underEchoes = json(change("smb_message_echoes", messages));

        assertThat(underMessages.echoes()).isEmpty();
        assertThat(underEchoes.messages()).isEmpty();
        assertThat(underEchoes.echoes()).isEmpty();
    }

    /** One echo on Sportello's number, timestamp given, with the given recipient and content fields. */
    private static String echo(String fields) {
        return change(
                "smb_message_echoes",
                "\"message_echoes\":[{\"from\":\"390212345678\",\"id\":\"wamid.ECHO\",\"timestamp\":\"1795513920\","
                        + fields + "}]");
    }

    private static String change(String field, String arrays) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"184932760215487\",\"changes\":[{"
                + "\"field\":\"" + field + "\",\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"display_phone_number\":\"390212345678\",\"phone_number_id\":\""
                + TestSettings.PHONE_NUMBER_ID + "\"}," + arrays + "}}]}]}";
    }
}

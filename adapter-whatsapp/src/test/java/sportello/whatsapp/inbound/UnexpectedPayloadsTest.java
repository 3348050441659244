package sportello.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.inbound.SignedWebhooks.json;
import static sportello.whatsapp.inbound.SignedWebhooks.read;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.MessageKind;
import sportello.ports.out.WebhookReader.Reading;

/** Meta changes shapes without notice: whatever arrives, the reader answers and never throws. */
class UnexpectedPayloadsTest {

    private static final String GOOD_MESSAGE = """
            {"from":"393331234567","id":"wamid.GOOD","timestamp":"1795512600","type":"text","text":{"body":"ciao"}}""";

    @Test
    void garbage_isUnreadableWithoutQuotingIt() {
        Reading reading = read("garbage-from-customer{".getBytes(StandardCharsets.UTF_8));

        assertThat(reading)
                .isInstanceOfSatisfying(
                        Reading.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason())
                                .contains("not valid JSON")
                                .doesNotContain("garbage"));
    }

    @Test
    void jsonThatIsNotAnObject_isUnreadable() {
        assertThat(read("[1,2]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(Reading.Unreadable.class);
        assertThat(read("\"text\"".getBytes(StandardCharsets.UTF_8))).isInstanceOf(Reading.Unreadable.class);
        assertThat(read(new byte[0])).isInstanceOf(Reading.Unreadable.class);
    }

    @Test
    void absurdlyDeepNesting_isUnreadable() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(read(deep.getBytes(StandardCharsets.UTF_8))).isInstanceOf(Reading.Unreadable.class);
    }

    @Test
    void anotherMetaObject_yieldsNoEvents() {
        var events = json("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":[]}]}");

        assertThat(events.messages()).isEmpty();
        assertThat(events.statuses()).isEmpty();
    }

    @Test
    void otherSubscribedField_isIgnoredSilently() {
        var events = json("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
                  {"field":"account_update","value":{"event":"VERIFIED_ACCOUNT","messages":[%s]}}]}]}""".formatted(GOOD_MESSAGE));

        assertThat(events.messages()).isEmpty();
        assertThat(events.notices()).isEmpty();
    }

    @Test
    void messagesAsAnObject_becomesANotice() {
        var events = json(
                webhook("{\"metadata\":{\"phone_number_id\":\"106540352242922\"},\"messages\":" + GOOD_MESSAGE + "}"));

        assertThat(events.messages()).isEmpty();
        assertThat(events.notices()).singleElement().asString().contains("messages", "not an array");
    }

    @Test
    void badElements_becomeNoticesAndTheGoodOneIsStillRead() {
        var events = json(value("""
                "messages":[42, null, {}, {"id":"wamid.NOSENDER","timestamp":"1","type":"text"},
                  {"id":"wamid.NOTIME","from":"1","type":"text"}, %s]""".formatted(GOOD_MESSAGE)));

        assertThat(events.messages()).extracting(m -> m.channelMessageId()).containsExactly("wamid.GOOD");
        assertThat(events.notices())
                .hasSize(5)
                .anySatisfy(n -> assertThat(n).contains("wamid.NOSENDER", "neither a user id nor a phone"))
                .anySatisfy(n -> assertThat(n).contains("wamid.NOTIME", "timestamp"))
                .anySatisfy(n -> assertThat(n).contains("has no id"));
    }

    @Test
    void numbersInsteadOfStrings_areReadAsTheirText() {
        var events = json("""
                {"object":"whatsapp_business_account","entry":[{"id":184932760215487,"changes":[{"field":"messages",
                  "value":{"metadata":{"phone_number_id":106540352242922},
                  "messages":[{"from":393331234567,"id":"wamid.NUM","timestamp":1795512600,"type":"text",
                  "text":{"body":12}}],
                  "statuses":[{"id":"wamid.S","status":"sent","timestamp":1795512605}]}}]}]}""");

        assertThat(events.notices()).isEmpty();
        assertThat(events.messages()).singleElement().satisfies(message -> {
            assertThat(message.channelAccount()).isEqualTo("106540352242922");
            assertThat(message.customer().phone()).isEqualTo("393331234567");
            assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1795512600));
            assertThat(message.text()).isEqualTo("12");
        });
        assertThat(events.statuses())
                .singleElement()
                .satisfies(status -> assertThat(status.at()).isEqualTo(Instant.ofEpochSecond(1795512605)));
    }

    @Test
    void wrongShapesInsidePayloads_neverThrow() {
        var events = json(value("""
                "contacts":"nobody",
                "messages":[
                  {"from":"1","id":"wamid.A","timestamp":"1","type":"text","text":["a"]},
                  {"from":"1","id":"wamid.B","timestamp":"1","type":"location","location":{"latitude":"x"}},
                  {"from":"1","id":"wamid.C","timestamp":"1","type":"contacts","contacts":{"name":"x"}},
                  {"from":"1","id":"wamid.D","timestamp":"1","type":"interactive","interactive":{"type":"nfm_reply"}},
                  {"from":"1","id":"wamid.E","timestamp":"1","type":"image","image":"not-an-object"},
                  {"from":"1","id":"wamid.F","timestamp":"1","type":"order","order":{}},
                  {"from":"1","id":"wamid.G","timestamp":"1"},
                  {"from":"1","id":"wamid.H","timestamp":"1","type":"reaction"},
                  {"from":"1","id":"wamid.I","timestamp":"1","type":"audio","audio":{"voice":"yes"}}
                ]"""));

        assertThat(events.messages())
                .extracting(m -> m.channelMessageId() + " " + m.kind() + " " + m.text())
                .containsExactly(
                        "wamid.A TEXT ",
                        "wamid.B LOCATION 📍 location",
                        "wamid.C CONTACTS 👤 contact",
                        "wamid.D UNSUPPORTED unsupported message",
                        "wamid.E IMAGE 📷 image",
                        "wamid.F UNSUPPORTED unsupported message",
                        "wamid.G UNSUPPORTED unsupported message",
                        "wamid.H REACTION ",
                        "wamid.I AUDIO 🎵 audio");
        assertThat(events.notices()).isNotEmpty();
    }

    @Test
    void mediaOfOddShapes_haveAnAttachmentOnlyWhenTheyNameAMediaId() {
        var events = json(value("""
                "messages":[
                  {"from":"1","id":"wamid.A","timestamp":"1","type":"image","image":{"mime_type":"image/jpeg"}},
                  {"from":"1","id":"wamid.B","timestamp":"1","type":"video","video":{"id":"  ","mime_type":"video/mp4"}},
                  {"from":"1","id":"wamid.C","timestamp":"1","type":"audio","audio":{"id":["x"]}},
                  {"from":"1","id":"wamid.D","timestamp":"1","type":"sticker","sticker":"not-an-object"},
                  {"from":"1","id":"wamid.E","timestamp":"1","type":"document","document":{"id":77,"filename":[]}},
                  {"from":"1","id":"wamid.F","timestamp":"1","type":"image","image":{"id":"88","mime_type":{}}}
                ]"""));

        assertThat(events.messages())
                .extracting(m -> m.channelMessageId() + " " + m.attachment())
                .containsExactly(
                        "wamid.A null",
                        "wamid.B null",
                        "wamid.C null",
                        "wamid.D null",
                        "wamid.E Attachment[mediaId=77, mimeType=application/octet-stream, fileName=null]",
                        "wamid.F Attachment[mediaId=88, mimeType=application/octet-stream, fileName=null]");
    }

    @Test
    void envelopeOfTheWrongShape_becomesNotices() {
        assertThat(json("{\"object\":\"whatsapp_business_account\",\"entry\":\"x\"}")
                        .notices())
                .singleElement()
                .asString()
                .contains("entry");
        assertThat(json("{\"object\":\"whatsapp_business_account\",\"entry\":[1,{\"changes\":[\"y\",{}]}]}")
                        .messages())
                .isEmpty();
        assertThat(
                        json("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\"}]}]}")
                                .notices())
                .singleElement()
                .asString()
                .contains("no value");
    }

    @Test
    void messageForAnotherNumber_isNotAnswered_onlyNoticed() {
        var events = json(webhook("{\"metadata\":{\"phone_number_id\":\"999000\"},\"messages\":[" + GOOD_MESSAGE + ","
                + GOOD_MESSAGE.replace("GOOD", "GOOD2") + "]}"));

        assertThat(events.messages()).isEmpty();
        assertThat(events.notices())
                .singleElement()
                .asString()
                .startsWith("phone_number_id 999000 is not configured in Sportello")
                .contains("WHATSAPP_PHONE_ID");
    }

    @Test
    void messageWithoutAnyPhoneNumberId_isSkippedWithANotice() {
        var events = json(webhook("{\"messages\":[" + GOOD_MESSAGE + "]}"));

        assertThat(events.messages()).isEmpty();
        assertThat(events.notices()).singleElement().asString().contains("phone_number_id");
    }

    @Test
    void oddStatuses_becomeNoticesOrDefaults() {
        var events = json(value("""
                "statuses":[
                  {"id":"wamid.1","status":"deleted","timestamp":"1"},
                  {"id":"wamid.2","status":"failed","timestamp":"1","errors":{"code":1}},
                  {"id":"wamid.3","status":"read"},
                  {"status":"sent","timestamp":"1"},
                  {"id":"wamid.4","status":"sent","timestamp":"1","biz_opaque_callback_data":"not-ours"}
                ]"""));

        assertThat(events.statuses())
                .extracting(
                        s -> s.channelMessageId() + " " + s.state() + " " + s.failureReason() + " " + s.correlation())
                .containsExactly(
                        "wamid.2 " + DeliveryState.FAILED + " failed without error details null",
                        "wamid.4 " + DeliveryState.SENT + " null not-ours");
        assertThat(events.notices())
                .anySatisfy(n -> assertThat(n).contains("'deleted'"))
                .anySatisfy(n -> assertThat(n).contains("wamid.3", "timestamp"))
                .anySatisfy(n -> assertThat(n).contains("has no id"));
    }

    @Test
    void contactOfSomeoneElse_doesNotLendTheirName() {
        var events = json(value("""
                "contacts":[{"profile":{"name":"Marco"},"wa_id":"393387654321"}],
                "messages":[%s]""".formatted(GOOD_MESSAGE)));

        assertThat(events.messages()).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
            assertThat(message.customer().displayNameValue()).isEmpty();
        });
    }

    private static String value(String fields) {
        return webhook("{\"metadata\":{\"phone_number_id\":\"106540352242922\"}," + fields + "}");
    }

    private static String webhook(String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":" + value + "}]}]}";
    }
}

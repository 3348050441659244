package sportello.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.outbound.GraphAnswers.accepted;
import static sportello.whatsapp.outbound.GraphAnswers.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import sportello.domain.customer.Customer;
import sportello.ports.out.Channel.SendResult;
import sportello.whatsapp.TestSettings;

/** Replies over 4096 characters go out as several messages, in order, and a half-sent reply is never resent. */
class LongTextTest {

    private static final Customer GIULIA = Customer.of("IT.1234567890123456", "393331234567", "Giulia Rossi");
    private static final String OUTBOX_ID = "01JD3Q8Z6YV5M2K7C9R4T0W1XA";
    private static final String FIRST = "Gentile Giulia, ecco i dettagli. " + "a".repeat(3000) + ".";
    private static final String SECOND = "Spedizione: " + "b".repeat(3000) + ".";
    private static final String THIRD = "Grazie e a presto! " + "c".repeat(2000);
    private static final String LONG_REPLY = FIRST + "\n\n" + SECOND + "\n\n" + THIRD;

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final ObjectMapper mapper = new ObjectMapper();
    private final TestClock clock = new TestClock();

    @Test
    void longReply_isSentInParts_inOrder_andAcceptedWithTheLastPartsId() throws Exception {
        server.enqueue(accepted("wamid.PART1"));
        server.enqueue(accepted("wamid.PART2"));
        server.enqueue(accepted("wamid.PART3"));

        SendResult result = channel().send(GIULIA, LONG_REPLY, OUTBOX_ID);

        assertThat(result).isEqualTo(new SendResult.Accepted("wamid.PART3"));
        assertThat(sentBody()).isEqualTo(FIRST);
        assertThat(sentBody()).isEqualTo(SECOND);
        JsonNode third = sentRequest();
        assertThat(third.path("text").path("body").asText()).isEqualTo(THIRD);
        assertThat(third.path("biz_opaque_callback_data").asText()).isEqualTo("outbox:" + OUTBOX_ID);
    }

    @Test
    void laterPartFailing_isInDoubt_namingWhatWentOut_andNothingIsResent() {
        server.enqueue(accepted("wamid.PART1"));
        server.enqueue(fixture(500, "error-131000.response.json"));

        SendResult result = channel().send(GIULIA, LONG_REPLY, OUTBOX_ID);

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.InDoubt.class,
                        doubt -> assertThat(doubt.reason())
                                .contains("Only 1 of the 3 parts", "wamid.PART1", "part 2 was not sent", "131000")
                                .contains("does not resend"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void firstPartFailing_isJustThatFailure() {
        server.enqueue(fixture(400, "error-131047.response.json"));

        SendResult result = channel().send(GIULIA, LONG_REPLY, OUTBOX_ID);

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.OutsideWindow.class,
                        outside -> assertThat(outside.reason()).contains("only an approved template"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void partsNeedAsManyTokensAsMessages_soAFullBucketIsNotOverdrawnByAnother() {
        var channel = channel(3);
        server.enqueue(accepted("wamid.PART1"));
        server.enqueue(accepted("wamid.PART2"));
        server.enqueue(accepted("wamid.PART3"));

        assertThat(channel.send(GIULIA, LONG_REPLY, OUTBOX_ID)).isInstanceOf(SendResult.Accepted.class);

        assertThat(channel.send(GIULIA, "ciao", OUTBOX_ID)).isInstanceOf(SendResult.RetryLater.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void replyNeedingMoreThanTenMessages_isRefusedWithoutCallingWhatsApp() {
        String huge = "x".repeat(4096 * 10 + 1);

        assertThat(channel().send(GIULIA, huge, OUTBOX_ID))
                .isInstanceOfSatisfying(
                        SendResult.Refused.class,
                        refused -> assertThat(refused.reason()).contains("11 WhatsApp messages", "Shorten it"));
        assertThat(server.getRequestCount()).isZero();
    }

    private WhatsAppCloudChannel channel() {
        return channel(Pacing.DEFAULT_MESSAGES_PER_SECOND);
    }

    private WhatsAppCloudChannel channel(int perSecond) {
        return new WhatsAppCloudChannel(
                TestSettings.at(server.url("/").toString()), new OkHttpClient(), mapper, new Pacing(perSecond, clock));
    }

    private String sentBody() throws Exception {
        return sentRequest().path("text").path("body").asText();
    }

    private JsonNode sentRequest() throws Exception {
        return mapper.readTree(server.takeRequest().getBody().utf8());
    }
}

package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.CustomerMessage;
import sportello.ports.out.WebhookReader;
import sportello.ports.out.WebhookReader.Reading;

/** What every {@link WebhookReader} must do; subclasses provide a correctly signed delivery of one text. */
public abstract class WebhookReaderContract {

    /** A delivery exactly as the channel sends it: body bytes and lower-case header names. */
    public record SignedDelivery(byte[] body, Map<String, String> headers, String expectedText) {}

    protected abstract WebhookReader reader();

    protected abstract SignedDelivery signedText();

    /** A handshake query the channel would send with the right token. */
    protected abstract Map<String, String> validHandshake(String challenge);

    /** The same handshake with a wrong token. */
    protected abstract Map<String, String> handshakeWithWrongToken(String challenge);

    @Test
    void signedDelivery_isReadWithItsText() {
        var delivery = signedText();

        var reading = reader().read(delivery.body(), delivery.headers());

        assertThat(reading)
                .isInstanceOfSatisfying(
                        Reading.Events.class,
                        events -> assertThat(events.messages())
                                .extracting(CustomerMessage::text)
                                .containsExactly(delivery.expectedText()));
    }

    @Test
    void alteredBody_isForged() {
        var delivery = signedText();
        byte[] altered = Arrays.copyOf(delivery.body(), delivery.body().length + 1);
        altered[altered.length - 1] = ' ';

        assertThat(reader().read(altered, delivery.headers())).isInstanceOf(Reading.Forged.class);
    }

    @Test
    void missingSignature_isForged() {
        var delivery = signedText();

        assertThat(reader().read(delivery.body(), Map.of())).isInstanceOf(Reading.Forged.class);
    }

    @Test
    void headersWithOtherSignature_areForged() {
        var delivery = signedText();
        var headers = new HashMap<String, String>();
        delivery.headers().forEach((k, v) -> headers.put(k, v.replaceAll("[0-9a-f]", "0")));

        assertThat(reader().read(delivery.body(), headers)).isInstanceOf(Reading.Forged.class);
    }

    @Test
    void validHandshake_echoesTheChallenge() {
        assertThat(reader().handshake(validHandshake("1158201444"))).contains("1158201444");
    }

    @Test
    void handshakeWithWrongToken_isRefused() {
        assertThat(reader().handshake(handshakeWithWrongToken("1158201444"))).isEmpty();
    }
}

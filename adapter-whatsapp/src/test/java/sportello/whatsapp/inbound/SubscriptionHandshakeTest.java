package sportello.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.inbound.SignedWebhooks.READER;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sportello.whatsapp.TestSettings;

class SubscriptionHandshakeTest {

    @Test
    void subscribeWithOurToken_echoesTheChallenge() {
        var query = Map.of(
                "hub.mode", "subscribe", "hub.verify_token", TestSettings.VERIFY_TOKEN, "hub.challenge", "1158201444");

        assertThat(READER.handshake(query)).contains("1158201444");
    }

    @Test
    void wrongToken_isRefused() {
        var query = Map.of("hub.mode", "subscribe", "hub.verify_token", "guess", "hub.challenge", "1158201444");

        assertThat(READER.handshake(query)).isEmpty();
    }

    @Test
    void tokenThatOnlyStartsLikeOurs_isRefused() {
        var query = Map.of(
                "hub.mode", "subscribe", "hub.verify_token", TestSettings.VERIFY_TOKEN + "x", "hub.challenge", "1");

        assertThat(READER.handshake(query)).isEmpty();
    }

    @Test
    void wrongMode_isRefused() {
        var query = Map.of(
                "hub.mode",
                "unsubscribe",
                "hub.verify_token",
                TestSettings.VERIFY_TOKEN,
                "hub.challenge",
                "1158201444");

        assertThat(READER.handshake(query)).isEmpty();
    }

    @Test
    void missingParameters_areRefused() {
        assertThat(READER.handshake(Map.of())).isEmpty();
        assertThat(READER.handshake(Map.of("hub.mode", "subscribe", "hub.challenge", "1")))
                .isEmpty();
        assertThat(READER.handshake(Map.of("hub.mode", "subscribe", "hub.verify_token", TestSettings.VERIFY_TOKEN)))
                .isEmpty();
        assertThat(READER.handshake(null)).isEmpty();
    }

    @Test
    void nullValues_areRefusedWithoutException() {
        var query = new HashMap<String, String>();
        query.put("hub.mode", "subscribe");
        query.put("hub.verify_token", null);
        query.put("hub.challenge", "1");

        assertThat(READER.handshake(query)).isEmpty();
    }
}

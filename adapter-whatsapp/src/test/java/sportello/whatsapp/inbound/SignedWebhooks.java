package sportello.whatsapp.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import sportello.ports.out.WebhookReader.Reading;
import sportello.ports.out.WebhookReader.Reading.Events;
import sportello.whatsapp.Fixtures;
import sportello.whatsapp.TestSettings;

/** Signs test bodies the way Meta does, and reads them through a real reader. */
final class SignedWebhooks {

    static final WhatsAppWebhookReader READER =
            new WhatsAppWebhookReader(TestSettings.any(), Set.of(TestSettings.PHONE_NUMBER_ID), new ObjectMapper());

    private SignedWebhooks() {}

    static String hmacHex(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case header names, as the web adapter hands them over. */
    static Map<String, String> signed(byte[] body) {
        return Map.of("x-hub-signature-256", "sha256=" + hmacHex(body, TestSettings.APP_SECRET));
    }

    static Reading read(byte[] body) {
        return READER.read(body, signed(body));
    }

    static Events events(byte[] body) {
        Reading reading = read(body);
        if (reading instanceof Events events) {
            return events;
        }
        throw new AssertionError("expected events, got " + reading);
    }

    static Events fixture(String name) {
        return events(Fixtures.bytes(name));
    }

    static Events json(String json) {
        return events(json.getBytes(StandardCharsets.UTF_8));
    }
}

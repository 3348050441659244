package sportello.whatsapp.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import sportello.ports.contract.WebhookReaderContract;
import sportello.ports.out.WebhookReader;
import sportello.whatsapp.Fixtures;
import sportello.whatsapp.TestSettings;

/** The shared {@link WebhookReader} promises, kept by the real reader on Meta's exact wire bytes. */
class WhatsAppWebhookReaderContractTest extends WebhookReaderContract {

    private final WhatsAppWebhookReader reader = new WhatsAppWebhookReader(TestSettings.any(), new ObjectMapper());

    @Override
    protected WebhookReader reader() {
        return reader;
    }

    @Override
    protected SignedDelivery signedText() {
        byte[] body = Fixtures.bytes("inbound-text.json");
        return new SignedDelivery(
                body,
                SignedWebhooks.signed(body),
                "Buongiorno! L'ordine del 14/11 è già partito? Vorrei sapere quando arriverà 😊");
    }

    @Override
    protected Map<String, String> validHandshake(String challenge) {
        return Map.of(
                "hub.mode", "subscribe", "hub.verify_token", TestSettings.VERIFY_TOKEN, "hub.challenge", challenge);
    }

    @Override
    protected Map<String, String> handshakeWithWrongToken(String challenge) {
        return Map.of("hub.mode", "subscribe", "hub.verify_token", "not-our-token", "hub.challenge", challenge);
    }
}

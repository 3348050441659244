package sportello.app;

import java.util.Map;
import java.util.Optional;
import sportello.ports.out.WebhookReader;

/** In demo mode there is no App Secret to check a WhatsApp signature against, so every webhook is refused. */
final class WebhookRefusedInDemo implements WebhookReader {

    @Override
    public Optional<String> handshake(Map<String, String> query) {
        return Optional.empty();
    }

    @Override
    public Reading read(byte[] body, Map<String, String> headers) {
        return new Reading.Forged("Sportello runs in demo mode: set VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN,"
                + " WHATSAPP_PHONE_ID and WHATSAPP_APP_SECRET to receive WhatsApp webhooks");
    }
}

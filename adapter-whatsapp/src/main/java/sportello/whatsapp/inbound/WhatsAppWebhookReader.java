package sportello.whatsapp.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import sportello.ports.out.WebhookReader;
import sportello.whatsapp.WhatsAppSettings;

/**
 * Reads WhatsApp Cloud API webhooks: the subscription handshake, the {@code X-Hub-Signature-256} check over the raw
 * bytes, and the payload, which becomes customer messages, status reports and notices.
 */
public final class WhatsAppWebhookReader implements WebhookReader {

    private final SubscriptionHandshake handshake;
    private final WebhookSignature signature;
    private final WebhookPayload payload;
    private final ObjectMapper mapper;

    /** Serves only the number in the settings. */
    public WhatsAppWebhookReader(WhatsAppSettings settings, ObjectMapper mapper) {
        this(settings, Set.of(settings.phoneNumberId()), mapper);
    }

    /**
     * @param servedPhoneNumberIds the business numbers Sportello answers for; events for others become a notice (the
     *     raw delivery, which the App Secret proved is ours, is still kept by the inbox)
     */
    public WhatsAppWebhookReader(WhatsAppSettings settings, Set<String> servedPhoneNumberIds, ObjectMapper mapper) {
        Objects.requireNonNull(settings, "settings");
        this.handshake = new SubscriptionHandshake(settings.verifyToken());
        this.signature = new WebhookSignature(settings.appSecret());
        this.payload = new WebhookPayload(Objects.requireNonNull(servedPhoneNumberIds, "servedPhoneNumberIds"));
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public Optional<String> handshake(Map<String, String> query) {
        return handshake.challenge(query);
    }

    @Override
    public Reading read(byte[] body, Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : body;
        Optional<String> forged = signature.whyNotAuthentic(bytes, signatureHeader(headers));
        if (forged.isPresent()) {
            return new Reading.Forged(forged.get());
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            // The location only: Jackson's message quotes the offending content, which is customer data.
            var at = e.getLocation();
            return new Reading.Unreadable("body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            return new Reading.Unreadable("body could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            return new Reading.Unreadable("body is not a JSON object");
        }
        return payload.events(root);
    }

    /** The web adapter lower-cases header names; a map from elsewhere may not, so fall back to a scan. */
    private static String signatureHeader(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        String value = headers.get(WebhookSignature.HEADER);
        if (value != null) {
            return value;
        }
        // A null value counts as absent (found by fuzzing: findFirst throws on a null element).
        return headers.entrySet().stream()
                .filter(header -> WebhookSignature.HEADER.equalsIgnoreCase(header.getKey()))
                .map(Map.Entry::getValue)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}

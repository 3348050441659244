package sportello.microbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import sportello.whatsapp.WhatsAppSettings;

/**
 * The captured webhook bodies the benchmarks read, as the exact bytes Meta sends, and the settings and signature
 * header that make them authentic.
 */
public enum WebhookFixture {
    /** One text from Giulia in Meta's wire form: one line, non-ASCII escaped, 644 bytes. */
    INBOUND_TEXT("inbound-text.json"),
    /** One delivery with three messages (two texts, an image) and two statuses, pretty-printed: 3,881 bytes. */
    WEBHOOK_BATCHED("webhook-batched.json");

    /** The business number in every fixture, so the reader treats the events as its own. */
    public static final String PHONE_NUMBER_ID = "106540352242922";

    private static final String APP_SECRET = "microbench-app-secret";

    private final String file;

    WebhookFixture(String file) {
        this.file = file;
    }

    /** A fresh copy of the body, byte for byte as stored (the HMAC is over exactly these bytes). */
    public byte[] bytes() {
        String path = "/fixtures/whatsapp/" + file;
        try (InputStream in = WebhookFixture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + path + " is missing from the benchmark jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read fixture " + path, e);
        }
    }

    /** Settings with the App Secret the headers below are signed with; the URLs are never called. */
    public static WhatsAppSettings settings() {
        return new WhatsAppSettings(
                WhatsAppSettings.GRAPH_BASE_URL,
                WhatsAppSettings.DEFAULT_API_VERSION,
                PHONE_NUMBER_ID,
                "microbench-access-token",
                APP_SECRET,
                "microbench-verify-token");
    }

    /** The {@code X-Hub-Signature-256} value Meta would send with {@code body}. */
    public static String signatureOf(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    /** A well-formed signature of other bytes: the full HMAC is computed before the check fails. */
    public static String wrongSignatureOf(byte[] body) {
        byte[] other = body.clone();
        other[0] ^= 1;
        return signatureOf(other);
    }

    /** Headers as the web adapter hands them over: names lower-cased. */
    public static Map<String, String> headers(String signature) {
        return Map.of(
                "content-type", "application/json",
                "user-agent", "facebookexternalua",
                "x-hub-signature-256", signature);
    }
}

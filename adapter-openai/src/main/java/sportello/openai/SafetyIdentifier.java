package sportello.openai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The anonymous per-customer id OpenAI uses for abuse monitoring: SHA-256 of business and customer key, in hex
 * (64 chars, the field's limit). Stable per customer, and never the phone number itself.
 */
final class SafetyIdentifier {

    private SafetyIdentifier() {}

    static String of(String businessId, String customerKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((businessId + ":" + customerKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

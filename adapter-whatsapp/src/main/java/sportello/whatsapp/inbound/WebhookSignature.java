package sportello.whatsapp.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256}: an HMAC-SHA256 of the exact bytes Meta sent, keyed with the App Secret. The
 * bytes must never be re-serialised first: Meta escapes non-ASCII and slashes, so a parsed-and-rewritten body no longer
 * matches. Reasons name the failure only, never the body or the secret.
 */
final class WebhookSignature {

    static final String HEADER = "x-hub-signature-256";
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    WebhookSignature(String appSecret) {
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Empty when the header proves the body came from Meta; otherwise why it does not. */
    Optional<String> whyNotAuthentic(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return Optional.of("missing X-Hub-Signature-256 header");
        }
        String value = header.strip();
        // Not regionMatches(true, …): it folds case per Unicode, so "ſha256=" (long s) would pass as "sha256=".
        if (value.length() < PREFIX.length()
                || !value.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
            return Optional.of("X-Hub-Signature-256 does not start with sha256=");
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.of("X-Hub-Signature-256 is not valid hex");
        }
        // Constant-time comparison: a byte-by-byte early exit would let an attacker guess the HMAC piece by piece.
        if (!MessageDigest.isEqual(hmac(body), claimed)) {
            return Optional.of("X-Hub-Signature-256 does not match the body (is WHATSAPP_APP_SECRET right?)");
        }
        return Optional.empty();
    }

    private byte[] hmac(byte[] body) {
        try {
            // A Mac is not thread-safe and cheap to create, so each check gets its own.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}

package sportello.whatsapp.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Meta's webhook verification GET: echo {@code hub.challenge} only when {@code hub.mode} is subscribe and {@code
 * hub.verify_token} is ours. The token is compared in constant time and never logged.
 */
final class SubscriptionHandshake {

    private final byte[] verifyToken;

    SubscriptionHandshake(String verifyToken) {
        this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    }

    Optional<String> challenge(Map<String, String> query) {
        if (query == null) {
            return Optional.empty();
        }
        String mode = query.get("hub.mode");
        String token = query.get("hub.verify_token");
        String challenge = query.get("hub.challenge");
        if (!"subscribe".equals(mode) || token == null || challenge == null || challenge.isEmpty()) {
            return Optional.empty();
        }
        boolean tokenMatches = MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        return tokenMatches ? Optional.of(challenge) : Optional.empty();
    }
}

package sportello.ports.fake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.StatusReport;
import sportello.ports.out.WebhookReader;

/**
 * A webhook reader for use-case tests: a delivery is "signed" when its {@code x-test-signature} header is the
 * SHA-256 of the body in hex ({@link #sign}), and carries whatever events the test queued.
 */
public final class StubWebhookReader implements WebhookReader {

    private volatile Reading next = new Reading.Events(List.of(), List.of(), List.of());

    public StubWebhookReader carrying(List<CustomerMessage> messages, List<StatusReport> statuses) {
        next = new Reading.Events(messages, statuses, List.of());
        return this;
    }

    public StubWebhookReader echoing(sportello.domain.conversation.BusinessEcho... echoes) {
        next = new Reading.Events(List.of(), List.of(), List.of(), List.of(echoes));
        return this;
    }

    public StubWebhookReader unreadable(String reason) {
        next = new Reading.Unreadable(reason);
        return this;
    }

    public static String sign(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<String> handshake(Map<String, String> query) {
        return "ok".equals(query.get("token")) ? Optional.ofNullable(query.get("challenge")) : Optional.empty();
    }

    @Override
    public Reading read(byte[] body, Map<String, String> headers) {
        if (!sign(body).equals(headers.get("x-test-signature"))) {
            return new Reading.Forged("missing or wrong test signature");
        }
        return next;
    }
}

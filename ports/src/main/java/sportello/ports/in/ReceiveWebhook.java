package sportello.ports.in;

import java.util.Map;
import java.util.Optional;

/** Driving port: a channel's webhook delivery, as raw bytes, to be stored durably before it is acknowledged. */
public interface ReceiveWebhook {

    Optional<String> handshake(Map<String, String> query);

    Outcome receive(byte[] body, Map<String, String> headers);

    sealed interface Outcome {
        /** Stored (or a harmless duplicate): acknowledge. */
        record Stored(int newMessages) implements Outcome {}

        /** Signed but unreadable; kept aside. Acknowledge, or the channel resends it for days. */
        record KeptUnreadable(String reason) implements Outcome {}

        /** Signature missing or wrong: refuse, store nothing. */
        record Rejected(String reason) implements Outcome {}

        /** Could not be stored: refuse so the channel delivers it again. */
        record NotStored(String reason) implements Outcome {}
    }
}

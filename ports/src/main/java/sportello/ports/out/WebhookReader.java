package sportello.ports.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sportello.domain.conversation.BusinessEcho;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.StatusReport;

/** Driven port: understands a channel's webhook — its handshake, its signature and its payload. */
public interface WebhookReader {

    /** The challenge to echo when the query is a valid subscription handshake; empty means refuse. */
    Optional<String> handshake(Map<String, String> query);

    /** Checks the signature over the exact bytes received, then reads the events they carry. */
    Reading read(byte[] body, Map<String, String> headers);

    sealed interface Reading {

        /**
         * Signature valid; every list may be empty (e.g. other webhook fields). {@code echoes} are messages staff
         * sent from outside Sportello on the same number.
         */
        record Events(
                List<CustomerMessage> messages,
                List<StatusReport> statuses,
                List<String> notices,
                List<BusinessEcho> echoes)
                implements Reading {

            public Events {
                echoes = List.copyOf(echoes);
            }

            public Events(List<CustomerMessage> messages, List<StatusReport> statuses, List<String> notices) {
                this(messages, statuses, notices, List.of());
            }
        }

        /** The signature is missing or wrong: nothing from this request may be stored. */
        record Forged(String reason) implements Reading {}

        /** Signed by the channel, but not readable (malformed JSON): kept aside so it is never lost. */
        record Unreadable(String reason) implements Reading {}
    }
}

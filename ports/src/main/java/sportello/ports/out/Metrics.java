package sportello.ports.out;

import java.time.Duration;
import java.util.List;

/**
 * Driven port: counts what Sportello does, for monitoring (Prometheus). Outcomes are short lower-case words so they
 * can become metric labels. Must be cheap and never fail the work it measures.
 */
public interface Metrics {

    /** A webhook delivery: {@code stored}, {@code unreadable}, {@code rejected} or {@code not_stored}. */
    void webhook(String outcome, int newMessages);

    /** A send attempt: {@code accepted}, {@code retry}, {@code in_doubt} or {@code refused}. */
    void send(String outcome);

    /** One agent turn: {@code reply} or {@code unavailable}, how long it took, and what its model calls used. */
    void agentTurn(String outcome, Duration latency, List<Usage> usage);

    /** How long a customer message waited from storage to the end of its handling. */
    void processed(Duration sinceReceived);

    Metrics NONE = new Metrics() {
        @Override
        public void webhook(String outcome, int newMessages) {}

        @Override
        public void send(String outcome) {}

        @Override
        public void agentTurn(String outcome, Duration latency, List<Usage> usage) {}

        @Override
        public void processed(Duration sinceReceived) {}
    };
}

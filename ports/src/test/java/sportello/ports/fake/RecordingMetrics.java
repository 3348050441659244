package sportello.ports.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sportello.ports.out.Metrics;
import sportello.ports.out.Usage;

/** Records every measurement as a short line, e.g. {@code webhook stored 1}. */
public final class RecordingMetrics implements Metrics {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void webhook(String outcome, int newMessages) {
        lines.add("webhook " + outcome + " " + newMessages);
    }

    @Override
    public synchronized void send(String outcome) {
        lines.add("send " + outcome);
    }

    @Override
    public synchronized void agentTurn(String outcome, Duration latency, List<Usage> usage) {
        lines.add("agent " + outcome + " "
                + usage.stream().mapToLong(Usage::inputTokens).sum());
    }

    @Override
    public synchronized void processed(Duration sinceReceived) {
        lines.add("processed");
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}

package sportello.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import sportello.ports.out.Metrics;
import sportello.ports.out.Usage;

/**
 * Sportello's metrics in Prometheus' text format, through Micrometer (the well-kept JVM metrics library, which
 * also brings the JVM and process metrics). Served at {@code GET /metrics}.
 */
public final class PrometheusMetrics implements Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer agentLatency;
    private final Timer processing;
    private final DistributionSummary tokensPerTurn;

    public PrometheusMetrics(IntSupplier inboxBacklog, IntSupplier outboxBacklog, int historyTokenBudget) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("sportello_inbox_backlog", inboxBacklog::getAsInt)
                .description("customer messages stored but not handled yet")
                .register(registry);
        Gauge.builder("sportello_outbox_backlog", outboxBacklog::getAsInt)
                .description("replies not yet accepted by the channel")
                .register(registry);
        Gauge.builder("sportello_agent_history_token_budget", () -> historyTokenBudget)
                .description("estimated tokens of history the agent may send per request")
                .register(registry);
        agentLatency = Timer.builder("sportello_agent_latency")
                .description("time the agent took for one turn")
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(registry);
        processing = Timer.builder("sportello_processing_latency")
                .description("time from storing a customer message to the end of its handling")
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(registry);
        tokensPerTurn = DistributionSummary.builder("sportello_agent_input_tokens_per_turn")
                .description("input tokens billed for one agent turn (all its model calls)")
                .register(registry);
    }

    @Override
    public void webhook(String outcome, int newMessages) {
        counter("sportello_webhooks_total", "outcome", outcome).increment();
        counter("sportello_messages_received_total").increment(newMessages);
    }

    @Override
    public void send(String outcome) {
        counter("sportello_sends_total", "outcome", outcome).increment();
    }

    @Override
    public void agentTurn(String outcome, Duration latency, List<Usage> usage) {
        counter("sportello_agent_turns_total", "outcome", outcome).increment();
        agentLatency.record(latency);
        long input = 0;
        for (Usage call : usage) {
            input += call.inputTokens();
            counter("sportello_tokens_total", "kind", "input", "model", call.model())
                    .increment(call.inputTokens() - call.cachedTokens());
            counter("sportello_tokens_total", "kind", "cached", "model", call.model())
                    .increment(call.cachedTokens());
            counter("sportello_tokens_total", "kind", "output", "model", call.model())
                    .increment(call.outputTokens());
            counter("sportello_cost_usd_total", "model", call.model())
                    .increment(call.costUsd().doubleValue());
        }
        if (!usage.isEmpty()) {
            tokensPerTurn.record(input);
        }
    }

    @Override
    public void processed(Duration sinceReceived) {
        processing.record(sinceReceived);
    }

    /** The text a Prometheus server scrapes. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }
}

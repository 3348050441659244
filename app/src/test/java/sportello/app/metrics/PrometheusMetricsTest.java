package sportello.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sportello.ports.out.Usage;

class PrometheusMetricsTest {

    private final PrometheusMetrics metrics = new PrometheusMetrics(() -> 3, () -> 1, 3000);

    @Test
    void scrape_showsWorkBacklogTokensCostAndTheJvm() {
        metrics.webhook("stored", 2);
        metrics.webhook("rejected", 0);
        metrics.send("accepted");
        metrics.agentTurn(
                "reply",
                Duration.ofMillis(850),
                List.of(new Usage("gpt-4.1-mini", 1864, 1536, 38, new BigDecimal("0.000346"), Instant.EPOCH)));

        String text = metrics.scrape();

        assertThat(text)
                .contains("sportello_webhooks_total{outcome=\"stored\"} 1.0")
                .contains("sportello_webhooks_total{outcome=\"rejected\"} 1.0")
                .contains("sportello_messages_received_total 2.0")
                .contains("sportello_sends_total{outcome=\"accepted\"} 1.0")
                .contains("sportello_tokens_total{kind=\"cached\",model=\"gpt-4.1-mini\"} 1536.0")
                .contains("sportello_tokens_total{kind=\"input\",model=\"gpt-4.1-mini\"} 328.0")
                .contains("sportello_cost_usd_total{model=\"gpt-4.1-mini\"} 3.46E-4")
                .contains("sportello_inbox_backlog 3.0")
                .contains("sportello_outbox_backlog 1.0")
                .contains("sportello_agent_history_token_budget 3000.0")
                .contains("sportello_agent_latency_seconds_count 1")
                .contains("jvm_memory_used_bytes");
    }
}

package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.postgres.PostgresServer;

/**
 * The real app on PostgreSQL ({@code DATABASE_URL}), against a server the tests start, and the move of an existing
 * SQLite database there with {@code copy-to-postgres}.
 */
class PostgresTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private FakeGraph graph;
    private FakeOpenAi openAi;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void fakes() throws Exception {
        graph = new FakeGraph();
        openAi = new FakeOpenAi();
    }

    @AfterEach
    void stopFakes() {
        graph.close();
        openAi.close();
    }

    private Map<String, String> environment(String databaseUrl) {
        var env = new HashMap<>(EndToEndTest.environment(dataDir, graph, openAi));
        if (databaseUrl != null) {
            env.put("DATABASE_URL", databaseUrl);
        }
        return env;
    }

    private Sportello start(String databaseUrl) {
        return Wiring.build(Config.from(environment(databaseUrl))).start("127.0.0.1", 0);
    }

    private void answerOneCustomer(Sportello sportello, String fixture, int repliesBefore) {
        var client = new SportelloClient(sportello.port());
        assertThat(client.postSignedWebhook(Fixtures.bytes(fixture))).isEqualTo(200);
        Eventually.until(DEADLINE, "reply sent", () -> graph.texts().size() > repliesBefore);
        Eventually.until(DEADLINE, "Sportello idle", client::isIdle);
    }

    @Test
    void onPostgres_aCustomerIsAnsweredOnce_andHealthNamesTheDatabase() {
        String url = PostgresServer.shared().freshDatabaseUrl();
        try (var sportello = start(url)) {
            answerOneCustomer(sportello, "whatsapp/inbound-text.json", 0);
            var client = new SportelloClient(sportello.port());

            var conversation = client.getJson("/api/conversations").get(0);
            var health = client.getJson("/health");

            assertThat(graph.texts()).hasSize(1);
            assertThat(client.getJson("/api/conversations/"
                                    + conversation.path("id").asText())
                            .path("messages"))
                    .hasSize(2);
            assertThat(health.at("/checks/database/status").asText()).isEqualTo("UP");
            assertThat(health.at("/checks/database/detail").asText()).contains("PostgreSQL");
        }
    }

    @Test
    void twoInstancesOnOneDatabase_answerEveryCustomerOnce_evenWhenBothGetTheWebhook() {
        String url = PostgresServer.shared().freshDatabaseUrl();
        int customers = 20;
        try (var first = start(url);
                var second = start(url)) {
            var one = new SportelloClient(first.port());
            var other = new SportelloClient(second.port());
            for (int i = 0; i < customers; i++) {
                byte[] webhook = Fixtures.text("whatsapp/inbound-text.json")
                        .replace("393331234567", "3933300000" + (10 + i))
                        .replace("IT.1234567890123456", "IT.12345678901234" + (10 + i))
                        .replace("wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgUMDAyQjZFMTI1QkNCQjdDNjVBOTEA", "wamid.two-" + i)
                        .getBytes(StandardCharsets.UTF_8);
                // Meta redelivers, and a load balancer may hand the copy to the other instance
                assertThat(one.postSignedWebhook(webhook)).isEqualTo(200);
                assertThat(other.postSignedWebhook(webhook)).isEqualTo(200);
            }

            Eventually.until(
                    DEADLINE, customers + " replies", () -> graph.texts().size() >= customers);
            Eventually.until(DEADLINE, "both idle", () -> one.isIdle() && other.isIdle());

            assertThat(graph.texts()).hasSize(customers);
            assertThat(graph.texts().stream()
                            .map(text -> text.path("to").asText())
                            .distinct())
                    .hasSize(customers);
            assertThat(one.getJson("/api/conversations?limit=100")).hasSize(customers);
        }
    }

    @Test
    void copyToPostgres_movesEverything_andTheServiceGoesOnFromThere() {
        try (var onSqlite = start(null)) {
            answerOneCustomer(onSqlite, "whatsapp/inbound-text.json", 0);
        }
        String url = PostgresServer.shared().freshDatabaseUrl();

        int code = Main.run(
                new String[] {"copy-to-postgres"},
                environment(url),
                dataDir,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int again = Main.run(
                new String[] {"copy-to-postgres"},
                environment(url),
                dataDir,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("conversation", "message", "Copied");
        assertThat(again).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds Sportello data");
        try (var onPostgres = start(url)) {
            var client = new SportelloClient(onPostgres.port());
            var copied = client.getJson("/api/conversations");
            assertThat(copied).hasSize(1);
            String id = copied.get(0).path("id").asText();
            assertThat(client.getJson("/api/conversations/" + id).path("messages"))
                    .hasSize(2);

            // the same customer writes again: it joins the copied conversation, and new rows get new ids
            String next = Fixtures.text("whatsapp/inbound-text.json")
                    .replace("wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgUMDAyQjZFMTI1QkNCQjdDNjVBOTEA", "wamid.after-the-move");
            assertThat(client.postSignedWebhook(next.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(200);
            Eventually.until(DEADLINE, "second reply", () -> graph.texts().size() >= 2);
            Eventually.until(DEADLINE, "Sportello idle", client::isIdle);
            assertThat(client.getJson("/api/conversations")).hasSize(1);
            assertThat(client.getJson("/api/conversations/" + id).path("messages"))
                    .hasSize(4);
        }
    }
}

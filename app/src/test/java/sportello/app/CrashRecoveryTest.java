package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real process killed mid-work and restarted on the same data directory loses nothing and repeats nothing. */
class CrashRecoveryTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path workingDir;

    private FakeGraph graph;
    private FakeOpenAi openAi;
    private SportelloProcess sportello;

    @BeforeEach
    void fakes() throws Exception {
        graph = new FakeGraph();
        openAi = new FakeOpenAi();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (sportello != null && sportello.isAlive()) {
            sportello.kill();
        }
        graph.close();
        openAi.close();
    }

    @Test
    void killedWhileTheAgentIsThinking_restartAnswersExactlyOnce() throws Exception {
        var environment = EndToEndTest.environment(workingDir.resolve("data"), graph, openAi);
        openAi.holdFirstCall();
        sportello = SportelloProcess.start(environment, workingDir);

        int status =
                new SportelloClient(sportello.port).postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));
        assertThat(status).isEqualTo(200);
        assertThat(openAi.awaitFirstCall(30)).as("agent call in flight").isTrue();
        sportello.kill();

        sportello = SportelloProcess.start(environment, workingDir);
        var client = new SportelloClient(sportello.port);

        Eventually.until(
                DEADLINE, "reply sent after restart", () -> !graph.texts().isEmpty());
        Eventually.until(DEADLINE, "Sportello idle", client::isIdle);
        assertThat(graph.texts()).hasSize(1);
        assertThat(graph.texts().getFirst().at("/text/body").asText()).startsWith(FakeOpenAi.REPLY);
        assertThat(client.getJson("/api/conversations")
                        .get(0)
                        .path("lastMessage")
                        .asText())
                .startsWith(FakeOpenAi.REPLY);
    }

    @Test
    void sigterm_drainsAndExitsCleanly_andRestartRepeatsNothing() throws Exception {
        var environment = EndToEndTest.environment(workingDir.resolve("data"), graph, openAi);
        sportello = SportelloProcess.start(environment, workingDir);
        var client = new SportelloClient(sportello.port);
        client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));
        Eventually.until(DEADLINE, "reply sent", () -> !graph.texts().isEmpty());
        Eventually.until(DEADLINE, "Sportello idle", client::isIdle);

        int exit = sportello.terminate();
        sportello = SportelloProcess.start(environment, workingDir);
        var restarted = new SportelloClient(sportello.port);
        Eventually.until(DEADLINE, "Sportello idle after restart", restarted::isIdle);

        assertThat(exit).isIn(0, 143);
        assertThat(graph.texts()).hasSize(1);
        assertThat(openAi.calls()).isEqualTo(1);
    }
}

package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int doctor(Map<String, String> env) {
        return DoctorCommand.run(Config.from(env), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String report() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoSetup_passesWithWarnings() {
        int code = doctor(Map.of("DATA_DIR", dir.toString()));

        assertThat(code).isZero();
        assertThat(report())
                .contains("[ ok ] data directory")
                .contains("[ ok ] disk space")
                .contains("[warn] whatsapp: not configured")
                .contains("All checks passed");
    }

    @Test
    void unwritableDataDirectory_fails_andSaysWhatToDo() {
        int code = doctor(Map.of("DATA_DIR", "/proc/sportello-cannot-live-here"));

        assertThat(code).isEqualTo(1);
        assertThat(report())
                .contains("[FAIL] data directory")
                .contains("DATA_DIR")
                .contains("check(s) failed");
    }

    @Test
    void databaseUrlThatCannotBeReached_fails_sayingWhatToCheck() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int code = doctor(Map.of(
                "DATA_DIR",
                dir.toString(),
                "DATABASE_URL",
                "postgresql://sportello:s3cret@127.0.0.1:" + closedPort + "/sportello"));

        assertThat(code).isEqualTo(1);
        assertThat(report())
                .contains("[FAIL] database")
                .contains("127.0.0.1:" + closedPort)
                .contains("DATABASE_URL")
                .doesNotContain("s3cret");
    }

    @Test
    void publicWebhook_isAskedFromOutside_likeMetaDoes() throws Exception {
        var graph = new FakeGraph();
        var openAi = new FakeOpenAi();
        var env = new HashMap<>(EndToEndTest.environment(dir.resolve("live"), graph, openAi));
        try (var sportello = Wiring.build(Config.from(env)).start("127.0.0.1", 0)) {
            env.put("DATA_DIR", dir.resolve("doctor").toString());
            env.put("PUBLIC_URL", "http://127.0.0.1:" + sportello.port());
            String ok = checkOf(env, "public webhook");
            env.put("VERIFY_TOKEN", "not-the-one-sportello-runs-with");
            String wrongToken = checkOf(env, "public webhook");

            assertThat(ok).startsWith("[ ok ]");
            assertThat(wrongToken).startsWith("[FAIL]").contains("VERIFY_TOKEN");
        } finally {
            graph.close();
            openAi.close();
        }
    }

    private String checkOf(Map<String, String> env, String name) {
        out.reset();
        doctor(env);
        return report().lines()
                .filter(line -> line.contains("] " + name + ":"))
                .findFirst()
                .orElseThrow();
    }
}

package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void help_listsTheCommandsAndEveryConfigurationKey() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--version", "PORT", "DATA_DIR", "WHATSAPP_APP_SECRET", "OPENAI_MODEL", "demo mode");
    }

    @Test
    void version_printsTheVersion() {
        int code = run("--version");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Sportello ");
    }

    @Test
    void unknownCommand_pointsToHelp() {
        int code = run("frobnicate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--help");
    }
}

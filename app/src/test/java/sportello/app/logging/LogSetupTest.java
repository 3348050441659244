package sportello.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    @TempDir
    Path logDir;

    private static LoggerContext freshContext() {
        var context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    @Test
    void theLogFile_isInTheLogDirectory_withPhoneNumbersMasked() throws Exception {
        var context = freshContext();
        LogSetup.configure(context, logDir.toString());

        context.getLogger("sportello.Test").info("Sent to 393331234567 ok");
        context.stop();

        String written = Files.readString(logDir.resolve("sportello.log"));
        assertThat(written).contains("INFO", "sportello.Test", "Sent to 3933******67 ok");
        assertThat(written).doesNotContain("393331234567");
    }

    @Test
    void librariesSayOnlyWarnings_sportelloSaysInfo() {
        var context = freshContext();
        LogSetup.configure(context, logDir.toString());

        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("sportello.app.Main").getEffectiveLevel()).isEqualTo(Level.INFO);
        context.stop();
    }

    @Test
    void theServiceUsesThisSetup_notLogbacksDefault() {
        // the ServiceLoader registration is what makes logback pick LogSetup at startup
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE"))
                .isNotNull();
    }
}

package sportello.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sportello's logging: the console, and {@code LOG_DIR/sportello.log} rotated daily and at 20 MB, kept 14 days and
 * at most 1 GB, phone numbers masked in both.
 *
 * <p>Configured in code rather than in a {@code logback.xml} because parsing the XML took about half a second of
 * the service's startup. {@code -Dlogback.configurationFile=…} still replaces all of this with a file of one's own.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** Main sets it to {@code DATA_DIR/logs} before the first logger is created. */
    public static final String LOG_DIR_PROPERTY = "LOG_DIR";

    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    static final String FILE_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, System.getProperty(LOG_DIR_PROPERTY, "./data/logs"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void configure(LoggerContext context, String logDir) {
        maskPhoneNumbersInMessages(context);
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context));
        root.addAppender(file(context, logDir));
        for (String chatty : new String[] {"org.eclipse.jetty", "io.javalin", "org.flywaydb"}) {
            context.getLogger(chatty).setLevel(Level.WARN);
        }
    }

    @SuppressWarnings("unchecked")
    private static void maskPhoneNumbersInMessages(LoggerContext context) {
        var rules = (Map<String, Supplier<?>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("msg", MaskedMessageConverter::new);
        rules.put("m", MaskedMessageConverter::new);
        rules.put("message", MaskedMessageConverter::new);
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        var console = new ConsoleAppender<ILoggingEvent>();
        return started(context, "CONSOLE", console, CONSOLE_PATTERN);
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, String logDir) {
        var file = new RollingFileAppender<ILoggingEvent>();
        file.setContext(context);
        file.setFile(logDir + "/sportello.log");
        var rolling = new SizeAndTimeBasedRollingPolicy<ILoggingEvent>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logDir + "/sportello.%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(FileSize.valueOf("20MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("1GB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        return started(context, "FILE", file, FILE_PATTERN);
    }

    private static <A extends OutputStreamAppender<ILoggingEvent>> A started(
            LoggerContext context, String name, A appender, String pattern) {
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}

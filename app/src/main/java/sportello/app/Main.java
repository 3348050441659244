package sportello.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/** {@code java -jar sportello.jar [--help | --version]}: starts the front desk. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            switch (args[0]) {
                case "--help", "-h", "help" -> {
                    out.print(Usage.TEXT.replace("{version}", version()));
                    return 0;
                }
                case "--version", "-V", "version" -> {
                    out.println("Sportello " + version());
                    return 0;
                }
                case "serve" -> {}
                default -> {
                    err.println("Unknown command '" + args[0] + "'. Run with --help to see what Sportello can do.");
                    return 2;
                }
            }
        }
        Config config;
        try {
            config = Config.load(System.getenv(), Path.of("").toAbsolutePath());
        } catch (ConfigError e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        // logback reads this when the first logger is created, so it must be set before any logging
        System.setProperty("LOG_DIR", config.dataDir().resolve("logs").toString());
        var log = LoggerFactory.getLogger(Main.class);
        Sportello sportello;
        try {
            sportello = Wiring.build(config).start(config.bindAddress(), config.port());
        } catch (RuntimeException e) {
            log.error("Sportello could not start: {}", e.getMessage(), e);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sportello::close, "shutdown"));
        StartupBanner.log(log, config, sportello.port(), version());
        return waitForever();
    }

    private static int waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/sportello/version.properties")) {
            if (in == null) {
                return "development";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}

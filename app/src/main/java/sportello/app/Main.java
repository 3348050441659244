package sportello.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/** {@code java -jar sportello.jar [serve | init | send | knowledge upload | --help | --version]}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
        if (code != SERVING) {
            System.exit(code);
        }
    }

    /** Returned by {@code serve}: the service keeps running on its own threads until SIGTERM. */
    static final int SERVING = -1;

    static int run(String[] args, Map<String, String> environment, Path workingDir, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "--help", "-h", "help" -> {
                    out.print(Usage.TEXT.replace("{version}", version()));
                    yield 0;
                }
                case "--version", "-V", "version" -> {
                    out.println("Sportello " + version());
                    yield 0;
                }
                case "init" -> InitCommand.run(rest, workingDir, out, err);
                case "send" -> SendCommand.run(rest, Config.load(environment, workingDir), out, err);
                case "restore" -> RestoreCommand.run(rest, Config.load(environment, workingDir), out, err);
                case "copy-to-postgres" -> CopyToPostgresCommand.run(Config.load(environment, workingDir), out, err);
                case "doctor" -> DoctorCommand.run(Config.load(environment, workingDir), out);
                case "knowledge" -> KnowledgeCommand.run(rest, Config.load(environment, workingDir), out, err);
                case "serve" -> serve(Config.load(environment, workingDir), err);
                default -> {
                    err.println("Unknown command '" + command + "'. Run with --help to see what Sportello can do.");
                    yield 2;
                }
            };
        } catch (ConfigError e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        } catch (CommandLineError e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int serve(Config config, PrintStream err) {
        // logback reads this when the first logger is created, so it must be set before any logging
        System.setProperty("LOG_DIR", config.dataDir().resolve("logs").toString());
        var log = LoggerFactory.getLogger(Main.class);
        Sportello sportello;
        try {
            sportello = Wiring.build(config).start(config.bindAddress(), config.port());
        } catch (RuntimeException e) {
            log.error("Sportello could not start: {}", e.getMessage(), e);
            err.println("Sportello could not start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sportello::close, "shutdown"));
        StartupBanner.log(log, config, sportello.port(), version());
        return SERVING;
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

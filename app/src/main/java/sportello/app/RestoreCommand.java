package sportello.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import sportello.sqlite.SqliteBackups;

/**
 * {@code sportello restore FILE}: puts a backup back in place of {@code DATA_DIR/sportello.db}, after checking it.
 * Stop the service first; the current database is kept beside it as {@code sportello.db.before-restore-…}.
 */
final class RestoreCommand {

    static final String USAGE = "Usage: java -jar sportello.jar restore <backup file>   (stop Sportello first)";

    private RestoreCommand() {}

    static int run(String[] args, Config config, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            throw new CommandLineError(USAGE);
        }
        Path backup = Path.of(args[0]);
        if (!Files.isRegularFile(backup)) {
            throw new CommandLineError("No file at " + backup + ". Backups are in "
                    + config.dataDir().resolve("backups") + ".\n" + USAGE);
        }
        var verification = SqliteBackups.verify(backup);
        if (!verification.ok()) {
            err.println("Not restoring: " + verification.message());
            return 1;
        }
        try {
            SqliteBackups.restore(backup, config.dataDir().resolve("sportello.db"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("Restored " + backup + " (" + verification.message() + "). The previous database was kept"
                + " beside it as sportello.db.before-restore-…; start Sportello again.");
        return 0;
    }
}

package sportello.ports.usecase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.in.RaiseAlert;
import sportello.ports.out.Backups;

/**
 * Takes a backup into the backup folder at most once a day and keeps the newest {@code keep} files. A failed
 * backup raises an alert; the next successful one resolves it.
 */
public final class TakingBackups {

    static final String ALERT = "backup.failed";
    private static final Logger log = LoggerFactory.getLogger(TakingBackups.class);
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("'sportello-'yyyy-MM-dd'T'HHmmss'.db'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_PREFIX =
            DateTimeFormatter.ofPattern("'sportello-'yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Backups backups;
    private final Path folder;
    private final int keep;
    private final InstantSource clock;
    private final RaiseAlert alerts;

    public TakingBackups(Backups backups, Path folder, int keep, InstantSource clock, RaiseAlert alerts) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup, got " + keep);
        }
        this.backups = backups;
        this.folder = folder;
        this.keep = keep;
        this.clock = clock;
        this.alerts = alerts;
    }

    /** Takes today's backup unless there is one already. */
    public void daily() {
        String today = DAY_PREFIX.format(clock.instant());
        if (existing().stream().anyMatch(f -> f.getFileName().toString().startsWith(today))) {
            return;
        }
        now();
    }

    /** Takes a backup now and prunes old ones; returns the new file. */
    public Path now() {
        Path file = folder.resolve(NAME.format(clock.instant()));
        try {
            Files.createDirectories(folder);
            backups.backupTo(file);
            prune();
            alerts.resolve(ALERT);
            log.info("Backup written to {}", file);
            return file;
        } catch (IOException | RuntimeException e) {
            alerts.raise(ALERT, "The daily backup failed", e.getMessage() + " (folder " + folder + ")");
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void prune() throws IOException {
        List<Path> files = existing();
        for (int i = keep; i < files.size(); i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    /** Newest first: the names sort by time. */
    private List<Path> existing() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> f.getFileName().toString().matches("sportello-\\d{4}-\\d{2}-\\d{2}T\\d{6}\\.db"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString())
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

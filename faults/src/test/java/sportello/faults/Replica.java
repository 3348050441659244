package sportello.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of several Sportello instances behind a load balancer, all on one database: its own {@code DATA_DIR} whose
 * {@code media} is a directory every instance shares (as docs/scaling.md asks), killed and restarted as new processes.
 * Each process is a "life" ({@code a1}, {@code a2}, …) with its own WhatsApp token and OpenAI key, so that the fakes
 * can tell which life sent a text or asked the agent; the key's last part after {@code -} is the life.
 */
final class Replica implements AutoCloseable {

    private final String name;
    private final Path work;
    private final Map<String, String> settings;
    private final Map<String, Long> killedAt = new ConcurrentHashMap<>();
    private int lives;
    private volatile SportelloProcess process;

    /** {@code settings}: the environment every instance shares (DATABASE_URL, the fakes); not started yet. */
    Replica(String name, Path work, Path sharedMedia, Map<String, String> settings) {
        this.name = name;
        this.work = work.resolve(name);
        Path dataDir = this.work.resolve("data");
        try {
            Files.createDirectories(dataDir);
            Files.createSymbolicLink(dataDir.resolve("media"), sharedMedia);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.settings = new HashMap<>(settings);
        this.settings.put("DATA_DIR", dataDir.toString());
    }

    /** The life a token or key names, e.g. {@code a3} for {@code sk-faults-life-a3}. */
    static String lifeOf(String keyOrToken) {
        return keyOrToken.substring(keyOrToken.lastIndexOf('-') + 1);
    }

    String name() {
        return name;
    }

    /** Starts the next life without waiting for it to serve. */
    synchronized void start() {
        lives++;
        var env = new HashMap<>(settings);
        env.put("WHATSAPP_ACCESS_TOKEN", "EAAGfaultsTokenNotReal0123456789-" + life());
        env.put("OPENAI_API_KEY", "sk-faults-not-a-real-key-0123456789-" + life());
        process = SportelloProcess.start(work, "sportello-" + life() + ".log", env);
    }

    /** The current life, e.g. {@code a3}. */
    synchronized String life() {
        return name + lives;
    }

    /** How many processes were started. */
    synchronized int lives() {
        return lives;
    }

    /** SIGKILL of the current life; the moment it was ordered is kept for {@link #deadBefore}. */
    synchronized void kill() {
        killedAt.put(life(), System.nanoTime());
        process.kill();
    }

    /** Whether {@code life} (one of this replica's) had been killed before {@code nanos} ({@code System.nanoTime}). */
    boolean deadBefore(String life, long nanos) {
        Long killed = killedAt.get(life);
        return killed != null && killed < nanos;
    }

    boolean serving() {
        return process.api().serving();
    }

    void awaitServing(Duration deadline) {
        process.awaitServing(deadline);
    }

    SportelloApi api() {
        return process.api();
    }

    /** The current life's console output. */
    String log() {
        return process.log();
    }

    @Override
    public void close() {
        var current = process;
        if (current != null) {
            current.close();
        }
    }
}

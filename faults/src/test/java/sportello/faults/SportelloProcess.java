package sportello.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code sportello.jar} as a child process, started like on a server ({@code java -jar}) with only the
 * settings given: the inherited environment is dropped, and the working directory has no {@code .env}.
 */
final class SportelloProcess implements AutoCloseable {

    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private final Process process;
    private final int port;
    private final Path log;

    private SportelloProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    private static Path copiedJar;

    /**
     * A copy of the jar the reactor's {@code package} of the app module built, taken once per test run: a rebuild of
     * {@code app/target} while the suites run must not change the jar under a child that is starting.
     */
    static synchronized Path jar() {
        if (copiedJar == null) {
            Path built = Path.of(System.getProperty("faults.jar", "../app/target/sportello.jar"))
                    .toAbsolutePath()
                    .normalize();
            if (!Files.isRegularFile(built)) {
                throw new IllegalStateException("no " + built + ": build it first with ./mvnw -pl app -am package"
                        + " -DskipTests (./mvnw verify builds it before this module's tests)");
            }
            copiedJar = JarCopy.of(built, WorkDirs.fresh("jar").resolve("sportello.jar"));
        }
        return copiedJar;
    }

    /** Starts a child in {@code workDir} (its console goes to {@code workDir/<logName>}); does not wait for it. */
    static SportelloProcess start(Path workDir, String logName, Map<String, String> settings) {
        try {
            Files.createDirectories(workDir);
            int port = freePort();
            Path log = workDir.resolve(logName);
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var builder = new ProcessBuilder(java, "-jar", jar().toString())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().retainAll(INHERITED);
            env.putAll(settings);
            env.put("PORT", Integer.toString(port));
            env.put("BIND_ADDRESS", "127.0.0.1");
            return new SportelloProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a child and waits until it serves /health with 200 (UP or DEGRADED); one that does not in time is killed,
     * so that no child outlives a failed suite.
     */
    static SportelloProcess started(Path workDir, String logName, Map<String, String> settings) {
        var child = start(workDir, logName, settings);
        child.awaitServingOrKill(Duration.ofSeconds(90));
        return child;
    }

    /** {@link #awaitServing}, killing the child if it does not serve in time (its caller will not stop it). */
    void awaitServingOrKill(Duration deadline) {
        try {
            awaitServing(deadline);
        } catch (AssertionError | RuntimeException e) {
            kill();
            throw e;
        }
    }

    void awaitServing(Duration deadline) {
        var api = api();
        long end = System.nanoTime() + deadline.toNanos();
        while (!api.serving()) {
            if (!process.isAlive()) {
                throw new AssertionError("Sportello exited with " + process.exitValue() + " before serving; its log "
                        + log + ":\n" + tail(40));
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Sportello did not serve /health within " + deadline.toSeconds() + " s; its"
                        + " log " + log + ":\n" + tail(40));
            }
            sleep(Duration.ofMillis(50));
        }
    }

    int port() {
        return port;
    }

    SportelloApi api() {
        return new SportelloApi(port);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code, or empty if it still runs at the deadline. */
    OptionalInt awaitExit(Duration deadline) {
        try {
            return process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue())
                    : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** SIGSTOP: the child stops where it is, so that a look at its database is still true when it is killed. */
    void freeze() {
        try {
            var stop = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (stop.waitFor() != 0) {
                throw new IllegalStateException("kill -STOP " + process.pid() + " failed: "
                        + new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: no shutdown hook, nothing flushed, the harshest way a server stops. */
    void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as systemd stops a service: Sportello drains and exits; SIGKILL if it hangs. */
    void terminate() {
        process.destroy();
        if (awaitExit(Duration.ofSeconds(60)).isEmpty()) {
            kill();
        }
    }

    /** The child's console output so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String tail(int lines) {
        var all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            terminate();
        }
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

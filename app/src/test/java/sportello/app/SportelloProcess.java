package sportello.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Sportello as a real child process, to be killed and restarted like on a real server. */
final class SportelloProcess {

    private final Process process;
    final int port;

    private SportelloProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SportelloProcess start(Map<String, String> environment, Path workingDir) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName())
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workingDir.resolve("process-" + port + ".log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("BIND_ADDRESS", "127.0.0.1");
        var started = new SportelloProcess(builder.start(), port);
        var client = new SportelloClient(port);
        Eventually.until(Duration.ofSeconds(30), "Sportello process answering /health", () -> {
            if (!started.process.isAlive()) {
                throw new AssertionError("Sportello exited with " + started.process.exitValue());
            }
            return client.isUp();
        });
        return started;
    }

    /** SIGKILL: no shutdown hook, no draining — the harshest way a server can stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM: the shutdown hook drains work in progress. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package sportello.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs to fill up or make read-only, mounted with mount(8). Needs root with CAP_SYS_ADMIN (the CI
 * containers have it); where mounting is not allowed, the test using it is skipped with the reason.
 */
final class Tmpfs implements AutoCloseable {

    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /**
     * An empty directory to mount on, under {@code target/faults}; a tmpfs a killed earlier run left mounted there
     * is unmounted first.
     */
    static Path freshMountPoint(String name) {
        Path dir = Path.of(System.getProperty("faults.work", "target/faults"))
                .toAbsolutePath()
                .resolve(name);
        try {
            if (Files.readString(Path.of("/proc/self/mounts")).contains(" " + dir + " ")) {
                run("umount", "-l", dir.toString());
            }
        } catch (IOException e) {
            // no /proc: nothing can be mounted here either, and mountOrSkip will say so
        }
        return WorkDirs.fresh(name);
    }

    /** Mounts a tmpfs of {@code size} (e.g. "160m") at {@code dir}, or skips the test when that is impossible. */
    static Tmpfs mountOrSkip(Path dir, String size) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var result = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", dir.toString());
        assumeTrue(
                result.ok(),
                "cannot mount a tmpfs here (" + result.output().strip() + "): this test needs root with"
                        + " CAP_SYS_ADMIN to simulate a full or read-only disk");
        return new Tmpfs(dir);
    }

    Path dir() {
        return dir;
    }

    /** Remounts read-only; fails (with mount's message) while any file on it is open for writing. */
    Result readOnly() {
        return run("mount", "-o", "remount,ro", dir.toString());
    }

    Result readWrite() {
        return run("mount", "-o", "remount,rw", dir.toString());
    }

    /** Fills the file system up to the last byte with {@code filler}; returns how many bytes that took. */
    long fill(Path filler) {
        long written = 0;
        try (var out = Files.newOutputStream(filler)) {
            for (int chunk : new int[] {1 << 20, 1 << 12, 1}) {
                byte[] bytes = new byte[chunk];
                try {
                    while (true) {
                        out.write(bytes);
                        out.flush();
                        written += chunk;
                    }
                } catch (IOException full) {
                    // no space left for a chunk this size; try a smaller one
                }
            }
        } catch (IOException closeFailed) {
            // the last bytes may not fit either: the disk is full, which is the point
        }
        return written;
    }

    @Override
    public void close() {
        if (!run("umount", dir.toString()).ok()) {
            run("umount", "-l", dir.toString());
        }
    }

    record Result(boolean ok, String output) {}

    static Result run(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(false, String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue() == 0, output);
        } catch (IOException e) {
            return new Result(false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }
}

package sportello.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.zip.ZipFile;

/** Copies the jar and checks the copy is a whole zip; a copy taken while a build rewrites the jar is taken again. */
final class JarCopy {

    private JarCopy() {}

    static Path of(Path jar, Path copy) {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                try (var zip = new ZipFile(copy.toFile())) {
                    if (zip.getEntry("sportello/app/Main.class") != null) {
                        return copy;
                    }
                }
            } catch (IOException e) {
                last = e;
            }
            SportelloProcess.sleep(Duration.ofSeconds(3));
        }
        throw new UncheckedIOException("no whole copy of " + jar + " (is a build rewriting it?)", last);
    }
}

package sportello.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instances share the media directory: one starting must not take another's save in progress for a leftover. */
class SharedMediaDirectoryTest {

    @TempDir
    Path dir;

    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @Test
    void storeOpening_keepsATemporaryFileInUse_andDeletesAnAbandonedOne() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path inProgress = Files.writeString(media.resolve("upload-" + "a".repeat(32) + ".part"), "half a photo");
        Path abandoned = Files.writeString(media.resolve("upload-" + "b".repeat(32) + ".part"), "a crashed save");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        new PostgresMediaStore(databases.fresh(), media, Clock.systemUTC());

        assertThat(inProgress).exists();
        assertThat(abandoned).doesNotExist();
    }
}

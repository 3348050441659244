package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.sql.MediaWriteFailures;

/** A failed write of a media file says what the operator can do about it. */
class MediaWriteFailuresTest {

    @TempDir
    Path dir;

    /** The error Java really gives when the disk is full: writing to /dev/full fails with ENOSPC. */
    private static IOException diskFullError() {
        var full = Path.of("/dev/full");
        assumeThat(Files.isWritable(full)).as("a Linux /dev/full").isTrue();
        try (var channel = FileChannel.open(full, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {1}));
            channel.force(true);
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("writing to /dev/full succeeded");
    }

    @Test
    void fullDisk_saysToFreeSpaceInTheDataDirectory() {
        var error = MediaWriteFailures.translate("write a file", dir, diskFullError());

        assertThat(error)
                .hasMessageContaining("the disk is full: free space in DATA_DIR")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void readOnlyDirectory_saysToMakeItWritable() {
        var error = MediaWriteFailures.translate("write a file", dir, new AccessDeniedException(dir + "/x"));

        assertThat(error).hasMessageContaining("is not writable: make it writable by the user running Sportello");
    }
}

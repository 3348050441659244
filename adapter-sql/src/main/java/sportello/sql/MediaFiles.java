package sportello.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import sportello.ports.out.StorageUnavailable;

/**
 * The media directory on disk: writes files whole or not at all, and names them. A name is the SHA-256 of the media
 * id plus a random part, never the id itself, which comes from outside: no id ({@code ../../etc/passwd}, a slash, a
 * NUL) can name a path outside the directory, and each save gets a new file, so a file never changes once it is
 * named in the database.
 */
public final class MediaFiles {

    private static final Pattern STORED = Pattern.compile("[0-9a-f]{64}-[0-9a-f]{32}");
    private static final Pattern TEMPORARY = Pattern.compile("upload-[0-9a-f]{32}\\.part");
    private static final HexFormat HEX = HexFormat.of();
    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * How long a temporary file must be left untouched to count as abandoned when instances share the directory:
     * far longer than any download. A single instance opening the directory knows every temporary file is abandoned.
     */
    public static final Duration SHARED_UNFINISHED_AFTER = Duration.ofHours(1);

    private final Path directory;
    private final Duration unfinishedAfter;
    private final SecureRandom random = new SecureRandom();

    /** A file written completely under a temporary name, with what was measured while writing it. */
    public record Written(Path temporary, long size, String sha256) {}

    /** Creates the directory if needed. */
    public MediaFiles(Path directory, Duration unfinishedAfter) {
        this.directory = directory.toAbsolutePath().normalize();
        this.unfinishedAfter = unfinishedAfter;
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new StorageUnavailable(
                    "could not create the media directory " + this.directory
                            + ": check that DATA_DIR points to a writable place",
                    e);
        }
    }

    public Path directory() {
        return directory;
    }

    /**
     * Streams {@code content} to a new temporary file, hashing and counting it, and syncs it to the disk. Errors
     * reading {@code content} propagate as they are; errors writing say what the operator can do. Either way the
     * temporary file is gone.
     */
    public Written write(InputStream content) throws IOException {
        Path temporary = directory.resolve("upload-" + randomHex() + ".part");
        try (var channel = open(temporary)) {
            var digest = sha256();
            long size = 0;
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                digest.update(buffer, 0, read);
                writeFully(channel, ByteBuffer.wrap(buffer, 0, read));
                size += read;
            }
            sync(channel);
            return new Written(temporary, size, HEX.formatHex(digest.digest()));
        } catch (IOException | RuntimeException | Error e) {
            discard(temporary, e);
            throw e;
        }
    }

    /**
     * Renames a written file to a new final name for {@code mediaId} in one atomic step, and syncs the directory so
     * the name is on disk before a database row refers to it. Returns the name.
     */
    public String publish(Written written, String mediaId) throws IOException {
        String name = HEX.formatHex(sha256().digest(mediaId.getBytes(StandardCharsets.UTF_8))) + "-" + randomHex();
        Path target = directory.resolve(name);
        try {
            Files.move(written.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
            return name;
        } catch (IOException e) {
            discard(written.temporary(), e);
            discard(target, e);
            throw MediaWriteFailures.translate("store a file in the media directory", directory, e);
        }
    }

    /** Whether {@code name} is a file of this directory that exists. */
    public boolean exists(String name) {
        return isStoredName(name) && Files.isRegularFile(directory.resolve(name));
    }

    public InputStream read(String name) throws IOException {
        if (!isStoredName(name)) {
            throw new NoSuchFileException(name, null, "not a media file name");
        }
        return Files.newInputStream(directory.resolve(name));
    }

    /** Deletes a stored file; one already gone is fine. */
    public void delete(String name) throws IOException {
        if (isStoredName(name)) {
            Files.deleteIfExists(directory.resolve(name));
        }
    }

    /** Deletes a file after {@code failure}, to which a failure to delete it is added. */
    public void discard(String name, Throwable failure) {
        if (isStoredName(name)) {
            discard(directory.resolve(name), failure);
        }
    }

    /**
     * Deletes the temporary files that writes interrupted by a crash left behind, once untouched for
     * {@code unfinishedAfter}: instances sharing the media directory (as they share the database) open it while
     * others are writing, and a write in progress touches its file all the time. Stored files without a row are left
     * alone: they are never served, and they may be the only copy of a customer's file when the database was restored
     * from a backup or replaced by mistake. Returns how many were deleted.
     */
    public int deleteUnfinished() throws IOException {
        int deleted = 0;
        var cutoff = Instant.now().minus(unfinishedAfter);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (TEMPORARY.matcher(entry.getFileName().toString()).matches()
                        && Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(entry)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Only names this class made; so a damaged or edited row cannot reach outside the directory either. */
    private static boolean isStoredName(String name) {
        return name != null && STORED.matcher(name).matches();
    }

    private FileChannel open(Path temporary) throws IOException {
        try {
            return FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw MediaWriteFailures.translate("create a file in the media directory", directory, e);
        }
    }

    private void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw MediaWriteFailures.translate("write a file to the media directory", directory, e);
        }
    }

    private void sync(FileChannel channel) throws IOException {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw MediaWriteFailures.translate("write a file to the media directory", directory, e);
        }
    }

    /** Syncs the rename itself. Linux and macOS, where Sportello runs, let a directory be opened for this. */
    private void syncDirectory() throws IOException {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void discard(Path file, Throwable failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

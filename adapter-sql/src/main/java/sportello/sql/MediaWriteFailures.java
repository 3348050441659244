package sportello.sql;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Turns a failed write to the media directory into an {@link IOException} that tells the operator what to do. */
public final class MediaWriteFailures {

    private MediaWriteFailures() {}

    public static IOException translate(String action, Path directory, IOException e) {
        return new IOException("could not " + action + ": " + advice(directory, e) + " (" + e + ")", e);
    }

    private static String advice(Path directory, IOException e) {
        if (isDiskFull(directory, e)) {
            return "the disk is full: free space in DATA_DIR (media files are in " + directory + ")";
        }
        if (message(e).contains("quota")) {
            return "the disk quota of the user running Sportello is used up: free space in DATA_DIR (media files"
                    + " are in " + directory + ") or raise the quota";
        }
        return switch (e) {
            case AccessDeniedException denied ->
                "the media directory " + directory + " is not writable: make it writable by the user running"
                        + " Sportello";
            case NoSuchFileException gone ->
                "the media directory " + directory + " has gone: check that DATA_DIR is mounted";
            default -> "check that the media directory " + directory + " exists, is writable and has free space";
        };
    }

    /**
     * Java reports a full disk only in the message (ENOSPC on Linux and macOS, its own words on Windows), so the
     * free space is asked too.
     */
    private static boolean isDiskFull(Path directory, IOException e) {
        String message = message(e);
        if (message.contains("no space left") || message.contains("not enough space")) {
            return true;
        }
        try {
            return Files.getFileStore(directory).getUsableSpace() == 0;
        } catch (IOException | SecurityException unknown) {
            return false; // the message already says what went wrong; without the free space we cannot add more
        }
    }

    private static String message(IOException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    }
}

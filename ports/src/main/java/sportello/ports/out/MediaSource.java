package sportello.ports.out;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import sportello.domain.conversation.Attachment;

/** Driven port: fetches the file behind an attachment from the channel that announced it. */
public interface MediaSource {

    /**
     * Downloads the attachment of a message received on {@code channelAccount} and hands its bytes to {@code sink}
     * while they arrive, so a large file never sits in memory. The source checks size limits and, where the channel
     * states one, the checksum; a file that fails either is never reported as fetched.
     */
    Fetch fetch(String channelAccount, Attachment attachment, Sink sink);

    /** Where the bytes go; typically {@link MediaStore#save}. */
    @FunctionalInterface
    interface Sink {
        StoredMedia write(String mimeType, InputStream content) throws IOException;
    }

    sealed interface Fetch {

        /** The file is stored. */
        record Fetched(StoredMedia media) implements Fetch {}

        /** A failure that may pass (outage, timeout, rate limit): try again after a while. */
        record RetryLater(String reason, Duration after) implements Fetch {}

        /** The file cannot be had (expired, too large, refused host, bad token); {@code reason} says why for staff. */
        record Unavailable(String reason, boolean critical) implements Fetch {}
    }
}

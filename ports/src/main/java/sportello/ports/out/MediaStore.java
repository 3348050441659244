package sportello.ports.out;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Driven port: the files customers sent, kept on our side because the channel's copies expire after days. Files
 * are known by the channel's media id, which the conversation's messages carry.
 */
public interface MediaStore {

    /**
     * Streams {@code content} into storage under {@code mediaId}. Only a completely written file becomes visible: an
     * error half-way leaves nothing behind, and saving the same id again replaces the earlier copy.
     *
     * @throws IOException when the file could not be written (e.g. the disk is full); nothing is stored then
     */
    StoredMedia save(String mediaId, String mimeType, InputStream content) throws IOException;

    /** The stored file with this id, if it was stored completely. */
    Optional<StoredMedia> find(String mediaId);

    /**
     * Opens a stored file for reading; the caller closes the stream.
     *
     * @throws IOException when the file is not stored or cannot be read
     */
    InputStream open(String mediaId) throws IOException;

    /** Erases these files (a customer's erasure); ids not stored are ignored. Returns how many were erased. */
    int delete(Collection<String> mediaIds);

    /** Erases files stored before {@code cutoff} (retention); returns how many. */
    int deleteStoredBefore(Instant cutoff);
}

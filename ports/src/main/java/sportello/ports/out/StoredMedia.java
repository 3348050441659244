package sportello.ports.out;

import java.time.Instant;
import java.util.Objects;

/** A file kept in media storage: what it is, how big, and its SHA-256 (hex) as computed while storing it. */
public record StoredMedia(String mediaId, String mimeType, long size, String sha256, Instant storedAt) {

    public StoredMedia {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(storedAt, "storedAt");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}

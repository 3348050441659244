package sportello.domain.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * A file that came with a customer message (photo, voice note, video, document). {@code mediaId} is the channel's
 * handle for fetching it; the bytes live in media storage under the same id, so a conversation never holds them.
 */
public record Attachment(String mediaId, String mimeType, String fileName) {

    public Attachment {
        Objects.requireNonNull(mediaId, "mediaId");
        if (mediaId.isBlank()) {
            throw new IllegalArgumentException("an attachment needs the channel's media id");
        }
        mimeType = mimeType == null || mimeType.isBlank() ? "application/octet-stream" : mimeType.strip();
        fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
    }

    public Optional<String> fileNameValue() {
        return Optional.ofNullable(fileName);
    }

    /** The part of the mime type before any parameters, e.g. {@code audio/ogg} for {@code audio/ogg; codecs=opus}. */
    public String baseMimeType() {
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
                .strip()
                .toLowerCase(java.util.Locale.ROOT);
    }
}

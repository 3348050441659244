package sportello.whatsapp.media;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.HttpUrl;

/**
 * What Graph says about a media id (reference §11, {@code media-metadata.response.json}): the short-lived download
 * link, the type, the SHA-256 as lower-case hex (null when Meta gave none we can read) and the size when stated.
 */
record MediaFile(HttpUrl url, String mimeType, String sha256, OptionalLong size) {

    private static final int SHA256_BYTES = 32;

    /** Empty when the answer has no usable download link; every other field is optional. */
    static Optional<MediaFile> of(JsonNode answer) {
        HttpUrl url = HttpUrl.parse(text(answer, "url"));
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(
                new MediaFile(url, text(answer, "mime_type"), hexDigest(text(answer, "sha256")), size(answer)));
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : "";
    }

    /** {@code file_size} comes as a number or as a string of digits. */
    private static OptionalLong size(JsonNode answer) {
        JsonNode value = answer.path("file_size");
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return OptionalLong.of(value.asLong());
        }
        if (value.isTextual() && value.asText().strip().matches("\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(value.asText().strip()));
        }
        return OptionalLong.empty();
    }

    /** Hex here, base64 in webhooks (reference §11, unverified as a rule): accept both, compare as hex. */
    private static String hexDigest(String value) {
        if (value.matches("[0-9a-fA-F]{64}")) {
            return value.toLowerCase(Locale.ROOT);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            return bytes.length == SHA256_BYTES ? HexFormat.of().formatHex(bytes) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package sportello.whatsapp.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.out.MediaSource.Fetch;

/**
 * Step 1 of a download (reference §11): asks Graph where the file behind a media id is. The {@code phone_number_id}
 * parameter makes Meta refuse a media id that belongs to another business number.
 */
final class MediaLookup {

    sealed interface Lookup {
        record Found(MediaFile file) implements Lookup {}

        record Failed(Fetch outcome) implements Lookup {}
    }

    private static final Logger log = LoggerFactory.getLogger(MediaLookup.class);

    private final MetaCalls meta;
    private final HttpUrl versionUrl;

    /** {@code versionUrl} is the Graph base with the API version, e.g. {@code https://graph.facebook.com/v26.0}. */
    MediaLookup(MetaCalls meta, HttpUrl versionUrl) {
        this.meta = meta;
        this.versionUrl = versionUrl;
    }

    Lookup find(String phoneNumberId, String mediaId) {
        HttpUrl url = versionUrl
                .newBuilder()
                .addPathSegment(mediaId)
                .addQueryParameter("phone_number_id", phoneNumberId)
                .build();
        try (Response response = meta.get(url)) {
            if (!response.isSuccessful()) {
                Fetch outcome = meta.failed(response);
                log.warn(
                        "Looking up media {} failed: HTTP {} (x-fb-trace-id {})",
                        mediaId,
                        response.code(),
                        response.header("x-fb-trace-id"));
                return new Lookup.Failed(outcome);
            }
            return described(MetaCalls.smallBody(response))
                    .<Lookup>map(Lookup.Found::new)
                    .orElseGet(() -> new Lookup.Failed(MediaFailures.noLink()));
        } catch (IOException e) {
            return new Lookup.Failed(MediaFailures.unreachable(e));
        }
    }

    private Optional<MediaFile> described(String body) {
        try {
            JsonNode answer = meta.mapper().readTree(body);
            return answer == null ? Optional.empty() : MediaFile.of(answer);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

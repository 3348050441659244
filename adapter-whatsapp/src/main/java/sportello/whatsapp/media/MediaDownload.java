package sportello.whatsapp.media;

import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.out.MediaSource.Fetch;
import sportello.ports.out.MediaSource.Sink;
import sportello.ports.out.StoredMedia;

/**
 * Step 2 of a download (reference §11): fetches the bytes from the link Graph gave, with the same bearer token, and
 * streams them through {@link CheckedContent} into the store. Redirects are followed by hand, so that every hop is
 * checked against {@link MediaHosts} before the token goes out.
 */
final class MediaDownload {

    sealed interface Download {
        record Stored(StoredMedia media) implements Download {}

        /** The link expired (it lasts about five minutes): a fresh one from step 1 may work. */
        record Expired() implements Download {}

        record Failed(Fetch outcome) implements Download {}
    }

    /** OkHttp's own default; more hops than this is a loop, not a file host. */
    private static final int MAX_REDIRECTS = 5;

    private static final Logger log = LoggerFactory.getLogger(MediaDownload.class);

    private final MetaCalls meta;
    private final MediaHosts hosts;
    private final long maxBytes;

    MediaDownload(MetaCalls meta, MediaHosts hosts, long maxBytes) {
        this.meta = meta;
        this.hosts = hosts;
        this.maxBytes = maxBytes;
    }

    Download into(MediaFile file, String mimeType, Sink sink) {
        if (file.size().isPresent() && file.size().getAsLong() > maxBytes) {
            return failed(MediaFailures.tooLarge(maxBytes, file.size()));
        }
        HttpUrl url = file.url();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!hosts.allow(url)) {
                log.warn("Not downloading from {}: not an allowed media host", MediaHosts.describe(url));
                return failed(MediaFailures.refusedHost(url));
            }
            try (Response response = meta.get(url)) {
                if (!response.isRedirect()) {
                    return answered(response, file, mimeType, sink);
                }
                String location = response.header("Location");
                url = location == null ? null : response.request().url().resolve(location);
                if (url == null) {
                    return failed(MediaFailures.badRedirect("a redirect without a usable Location"));
                }
            } catch (IOException e) {
                return failed(MediaFailures.unreachable(e));
            }
        }
        return failed(MediaFailures.badRedirect("more than " + MAX_REDIRECTS + " redirects"));
    }

    private Download answered(Response response, MediaFile file, String mimeType, Sink sink) {
        if (response.code() == 404) {
            return new Download.Expired();
        }
        if (!response.isSuccessful()) {
            log.warn(
                    "Downloading a file failed: HTTP {} from {}",
                    response.code(),
                    MediaHosts.describe(response.request().url()));
            return failed(meta.failed(response));
        }
        ResponseBody body = response.body();
        if (body.contentLength() > maxBytes) {
            return failed(MediaFailures.tooLarge(maxBytes, OptionalLong.of(body.contentLength())));
        }
        var content = new CheckedContent(body.byteStream(), maxBytes, file.sha256());
        try {
            StoredMedia stored = sink.write(mimeType, content);
            if (!content.complete()) {
                // A store that stopped early still gets the file checked: it must never count as fetched unchecked.
                content.transferTo(OutputStream.nullOutputStream());
            }
            return content.problem() == null ? new Download.Stored(stored) : failed(content, content.failure());
        } catch (IOException e) {
            return failed(content, e);
        }
    }

    /** The checks' own verdict comes first: a store may wrap or replace the exception they threw. */
    private Download failed(CheckedContent content, IOException thrown) {
        if (content.problem() == null) {
            return failed(MediaFailures.notStored(thrown));
        }
        return failed(
                switch (content.problem()) {
                    case TOO_LARGE -> MediaFailures.tooLarge(maxBytes, OptionalLong.empty());
                    case CORRUPT -> MediaFailures.corrupt(content.failure());
                    case BROKEN_OFF -> MediaFailures.brokenOff(content.failure());
                });
    }

    private static Download failed(Fetch outcome) {
        return new Download.Failed(outcome);
    }
}

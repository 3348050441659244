package sportello.web.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.in.ViewMedia;
import sportello.web.media.FileNames;
import sportello.web.media.MediaDisplay;

/**
 * {@code GET /api/media/{id}}: a file a customer sent, streamed from media storage to staff. The bytes are the
 * customer's, so no browser may treat them as part of Sportello: the type is never sniffed, the policy sandboxes
 * the answer (no script, no requests), and only raster images, audio and video are shown in place; anything else
 * is a download. {@code ?name=} names the download (the dashboard passes the name the customer gave).
 */
public final class MediaApi {

    /**
     * Staff browsers may keep a file for an hour, so live refreshes of a conversation do not fetch its photos again;
     * shared caches never. An erased file lingers at most that long, and only in the browser that showed it.
     */
    static final String CACHE_CONTROL = "private, max-age=3600";

    static final String CONTENT_SECURITY_POLICY =
            "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";

    private static final Logger log = LoggerFactory.getLogger(MediaApi.class);
    private static final Pattern MIME_TYPE =
            Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+(\\s*;[\\x20-\\x7E]*)?", Pattern.CASE_INSENSITIVE);

    private final ViewMedia media;

    public MediaApi(ViewMedia media) {
        this.media = media;
    }

    /** Where staff fetch the file with this media id. */
    public static String url(String mediaId) {
        return "/api/media/" + encode(mediaId);
    }

    /** The same, saved under the name the customer gave (made safe by the route). */
    public static String url(String mediaId, String fileName) {
        return fileName == null || fileName.isBlank() ? url(mediaId) : url(mediaId) + "?name=" + encode(fileName);
    }

    public void serve(Context ctx) {
        String id = ctx.pathParam("id");
        var stored = media.find(id).orElseThrow(() -> new UnknownMedia(id));
        InputStream content;
        try {
            content = media.open(id);
        } catch (IOException e) {
            log.warn("File {} is recorded as stored but cannot be read: {}", id, e.getMessage());
            throw new UnknownMedia(id);
        }
        var display = MediaDisplay.of(stored.mimeType());
        String name = FileNames.safe(ctx.queryParam("name"), id, stored.mimeType());
        ctx.disableCompression(); // the length below is the stored size, so the bytes must go out as stored
        ctx.contentType(contentType(stored.mimeType()))
                .header("Content-Length", String.valueOf(stored.size()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Content-Disposition", disposition(display, name))
                .header("Cache-Control", CACHE_CONTROL)
                .result(content);
    }

    static String disposition(MediaDisplay display, String safeName) {
        return (display.inline() ? "inline" : "attachment")
                + "; filename=\"" + FileNames.ascii(safeName) + "\""
                + "; filename*=UTF-8''" + encode(safeName);
    }

    /** The stored type when it is well formed; anything else is served as plain bytes. */
    static String contentType(String mimeType) {
        return mimeType != null && MIME_TYPE.matcher(mimeType).matches() ? mimeType : "application/octet-stream";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

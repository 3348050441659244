package sportello.web.media;

import java.util.Locale;
import java.util.Set;

/**
 * How a customer's file may be shown. Only types a browser renders without running anything are shown in place;
 * everything else (HTML, SVG, PDF, office files…) is only ever downloaded, because its content is the customer's
 * and must never become a page on our origin.
 */
public enum MediaDisplay {
    IMAGE,
    AUDIO,
    VIDEO,
    DOWNLOAD;

    /** Raster formats only: SVG is an image type too, but it can carry script. */
    private static final Set<String> SAFE_IMAGES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");

    public static MediaDisplay of(String mimeType) {
        String type = baseType(mimeType);
        if (SAFE_IMAGES.contains(type)) {
            return IMAGE;
        }
        if (type.startsWith("audio/")) {
            return AUDIO;
        }
        if (type.startsWith("video/")) {
            return VIDEO;
        }
        return DOWNLOAD;
    }

    /** Whether the browser may show the file in place ({@code Content-Disposition: inline}). */
    public boolean inline() {
        return this != DOWNLOAD;
    }

    /** {@code audio/ogg} for {@code Audio/OGG; codecs=opus}; empty for nothing. */
    static String baseType(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}

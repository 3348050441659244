package sportello.domain.conversation;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The value for a template's header, when the approved template has one that needs a value: a text for a header
 * with a placeholder, or the file of an image, video or document header, given as an https link or as a media id
 * the channel already holds.
 */
public record TemplateHeader(Format format, String value) {

    public enum Format {
        TEXT,
        IMAGE,
        VIDEO,
        DOCUMENT;

        /** "image", "IMAGE" or " Image " → IMAGE; unknown names are refused with the names that work. */
        public static Format named(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "template header type '" + name + "' is not known: use text, image, video or document");
            }
        }
    }

    private static final int LONGEST_TEXT = 60;
    private static final Pattern MEDIA_ID = Pattern.compile("[0-9]{1,32}");

    public TemplateHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the template header value is empty: fill it in");
        }
        if (format == Format.TEXT && value.length() > LONGEST_TEXT) {
            throw new IllegalArgumentException(
                    "a template header text may have at most " + LONGEST_TEXT + " characters");
        }
        if (format != Format.TEXT && !isMediaId(value) && !value.startsWith("https://")) {
            throw new IllegalArgumentException("the " + format.name().toLowerCase(Locale.ROOT)
                    + " of a template header must be an https:// link or a WhatsApp media id");
        }
    }

    /** A media id the channel issued, rather than a link. */
    public boolean isMediaId() {
        return format != Format.TEXT && isMediaId(value);
    }

    private static boolean isMediaId(String value) {
        return MEDIA_ID.matcher(value).matches();
    }
}

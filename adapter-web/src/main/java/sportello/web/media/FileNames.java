package sportello.web.media;

import java.text.Normalizer;
import java.util.Map;

/**
 * File names for customers' files that are safe wherever they land: in a download's {@code Content-Disposition},
 * inside a zip, on a staff member's disk. The name a customer gave is kept as far as it is harmless (letters,
 * digits, spaces and a little punctuation, no folders, no hidden files); without one, the channel's media id and
 * an extension that matches the type stand in.
 */
public final class FileNames {

    private static final int MAX_LENGTH = 100;
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/png", "png"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/gif", "gif"),
            Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/mp4", "m4a"),
            Map.entry("audio/aac", "aac"),
            Map.entry("audio/amr", "amr"),
            Map.entry("audio/wav", "wav"),
            Map.entry("video/mp4", "mp4"),
            Map.entry("video/3gpp", "3gp"),
            Map.entry("application/pdf", "pdf"),
            Map.entry("text/plain", "txt"));

    private FileNames() {}

    /** The customer's name made safe, or {@code <media id>.<extension>} when they gave none (or nothing was left). */
    public static String safe(String given, String mediaId, String mimeType) {
        String cleaned = clean(given);
        if (!cleaned.isEmpty()) {
            return cleaned;
        }
        String id = clean(mediaId);
        return (id.isEmpty() ? "file" : id) + "." + extension(mimeType);
    }

    /** The usual extension of a type, {@code bin} for types we do not know. */
    public static String extension(String mimeType) {
        return EXTENSIONS.getOrDefault(MediaDisplay.baseType(mimeType), "bin");
    }

    /** The same name with only ASCII letters, for the {@code filename=} of old clients; {@code filename*} has all. */
    public static String ascii(String safeName) {
        return safeName.replaceAll("[^\\x20-\\x7E]", "_");
    }

    private static String clean(String name) {
        if (name == null) {
            return "";
        }
        String lastPart = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = Normalizer.normalize(lastPart, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N} ._()+-]", "_")
                .replaceAll("\\s+", " ")
                .replaceAll("^[ .]+|[ .]+$", ""); // no hidden files, no names Windows trims differently
        if (cleaned.chars().allMatch(c -> c == '_')) {
            return "";
        }
        return cleaned.length() <= MAX_LENGTH ? cleaned : shortened(cleaned);
    }

    /** Keeps the extension when a long name is cut. */
    private static String shortened(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        int end = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(name.charAt(end - 1))) {
            end--; // never cut a character in half
        }
        return name.substring(0, end) + extension;
    }
}

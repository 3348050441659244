package sportello.openai.transcription;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sportello.domain.conversation.Attachment;

/**
 * The name and content type a voice note goes to OpenAI with. OpenAI tells the format from the file name's extension
 * and the content type, and reads only some formats; WhatsApp voice notes ({@code audio/ogg; codecs=opus}) come
 * without a name, so they become {@code voice.ogg}.
 */
record AudioFile(String name, String mimeType) {

    /** The extensions OpenAI's transcription endpoint reads (API reference, "Create transcription"). */
    static final Set<String> READABLE = Set.of("flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "wav", "webm");

    /** Types channels send, by the extension OpenAI knows them under; AAC and AMR (also WhatsApp's) are not read. */
    private static final Map<String, String> EXTENSION_BY_TYPE = Map.ofEntries(
            Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/opus", "ogg"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/mp3", "mp3"),
            Map.entry("audio/mp4", "m4a"),
            Map.entry("audio/m4a", "m4a"),
            Map.entry("audio/x-m4a", "m4a"),
            Map.entry("audio/wav", "wav"),
            Map.entry("audio/wave", "wav"),
            Map.entry("audio/x-wav", "wav"),
            Map.entry("audio/webm", "webm"),
            Map.entry("audio/flac", "flac"),
            Map.entry("audio/x-flac", "flac"),
            Map.entry("video/mp4", "mp4"),
            Map.entry("video/webm", "webm"));

    /**
     * The sender's file name when its extension is one OpenAI reads, else {@code voice.<ext>} from the type; empty
     * when neither tells a readable format, so no call is wasted on a certain 400.
     */
    static Optional<AudioFile> of(Attachment attachment) {
        String type = attachment.baseMimeType();
        Optional<String> named = attachment.fileNameValue().filter(name -> READABLE.contains(extension(name)));
        if (named.isPresent()) {
            return Optional.of(new AudioFile(named.get(), type));
        }
        return Optional.ofNullable(EXTENSION_BY_TYPE.get(type)).map(ext -> new AudioFile("voice." + ext, type));
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

package sportello.ports.usecase;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.ports.out.MediaStore;
import sportello.ports.out.Transcriber;
import sportello.ports.out.Transcriber.Transcription;
import sportello.ports.out.Usage;

/**
 * Replaces a stored voice note's placeholder text with what the customer said, so staff read it at a glance, the
 * profile rules see it, and the agent answers it like a typed message. A transcript that cannot be had leaves the
 * voice note as it was: staff can still listen to it.
 */
public final class TranscribingVoiceNotes {

    static final String VOICE = "🎤 ";
    private static final Logger log = LoggerFactory.getLogger(TranscribingVoiceNotes.class);

    private final Transcriber transcriber;
    private final MediaStore store;

    public TranscribingVoiceNotes(Transcriber transcriber, MediaStore store) {
        this.transcriber = transcriber;
        this.store = store;
    }

    /** Nothing is transcribed. */
    public static TranscribingVoiceNotes none() {
        return new TranscribingVoiceNotes(Transcriber.NONE, null);
    }

    /** The message with its transcript as text, and the usage of the call; unchanged if it is no voice note. */
    public Transcribed transcribe(CustomerMessage message) {
        var attachment = message.attachmentValue();
        if (message.kind() != MessageKind.AUDIO
                || attachment.isEmpty()
                || store == null
                || store.find(attachment.get().mediaId()).isEmpty()) {
            return new Transcribed(message, java.util.List.of());
        }
        try (var audio = store.open(attachment.get().mediaId())) {
            return switch (transcriber.transcribe(attachment.get(), audio)) {
                case Transcription.Text(var text, var usage)
                when !text.isBlank() -> new Transcribed(withText(message, VOICE + text.strip()), usage);
                case Transcription.Text empty -> new Transcribed(message, empty.usage());
                case Transcription.Unavailable(var reason) -> {
                    log.warn("Voice note {} not transcribed: {}", message.channelMessageId(), reason);
                    yield new Transcribed(message, java.util.List.of());
                }
            };
        } catch (IOException e) {
            log.warn("Voice note {} could not be read for transcription: {}", message.channelMessageId(), e.toString());
            return new Transcribed(message, java.util.List.of());
        }
    }

    /** A message as it will be recorded, and the model calls its transcription used. */
    public record Transcribed(CustomerMessage message, java.util.List<Usage> usage) {}

    private static CustomerMessage withText(CustomerMessage m, String text) {
        return new CustomerMessage(
                m.channelAccount(),
                m.channelMessageId(),
                m.customer(),
                m.kind(),
                text,
                m.sentAt(),
                m.raw(),
                m.attachment());
    }
}

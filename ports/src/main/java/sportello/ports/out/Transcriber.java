package sportello.ports.out;

import java.io.InputStream;
import java.util.List;
import sportello.domain.conversation.Attachment;

/** Driven port: turns a customer's voice note into text, so staff can read it and the agent can answer it. */
public interface Transcriber {

    /** Transcribes the audio of {@code attachment}, read from {@code audio}; the caller closes the stream. */
    Transcription transcribe(Attachment attachment, InputStream audio);

    sealed interface Transcription {

        /** What the customer said, and what the model call used (for cost analytics). */
        record Text(String text, List<Usage> usage) implements Transcription {}

        /** No transcript; the voice note stays a voice note and staff can listen to it. */
        record Unavailable(String reason) implements Transcription {}
    }

    /** Without a transcription service (no OpenAI key): voice notes stay voice notes. */
    Transcriber NONE = (attachment, audio) ->
            new Transcription.Unavailable("voice notes are transcribed only with OPENAI_API_KEY");
}

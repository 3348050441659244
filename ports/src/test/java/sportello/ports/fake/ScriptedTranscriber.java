package sportello.ports.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import sportello.domain.conversation.Attachment;
import sportello.ports.out.Transcriber;
import sportello.ports.out.Usage;

/** A transcriber that hears what it is told to; it reads the whole audio, like a real one must. */
public final class ScriptedTranscriber implements Transcriber {

    private String text = "";
    private String unavailable;
    private int calls;

    public synchronized ScriptedTranscriber says(String words) {
        text = words;
        unavailable = null;
        return this;
    }

    public synchronized ScriptedTranscriber unavailable(String reason) {
        unavailable = reason;
        return this;
    }

    public synchronized int calls() {
        return calls;
    }

    @Override
    public synchronized Transcription transcribe(Attachment attachment, InputStream audio) {
        calls++;
        try {
            audio.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (unavailable != null) {
            return new Transcription.Unavailable(unavailable);
        }
        return new Transcription.Text(
                text,
                List.of(new Usage("gpt-4o-mini-transcribe", 120, 0, 20, new BigDecimal("0.0003"), Instant.EPOCH)));
    }
}

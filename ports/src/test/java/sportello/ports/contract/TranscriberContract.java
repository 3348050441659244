package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Attachment;
import sportello.ports.out.Transcriber;
import sportello.ports.out.Transcriber.Transcription;

/** What every {@link Transcriber} must do; subclasses arrange what the speech service answers. */
public abstract class TranscriberContract {

    protected static final Attachment VOICE_NOTE = new Attachment("voice-1", "audio/ogg; codecs=opus", null);

    protected abstract Transcriber transcriber();

    /** The service hears "Buongiorno, il mio ordine è il 58213". */
    protected abstract void arrangeSpeech();

    /** The service fails (outage, bad key). */
    protected abstract void arrangeOutage();

    @Test
    void speech_comesBackAsText() {
        arrangeSpeech();

        var result = transcriber().transcribe(VOICE_NOTE, new ByteArrayInputStream(new byte[] {79, 103, 103, 83}));

        assertThat(result)
                .isInstanceOfSatisfying(
                        Transcription.Text.class, t -> assertThat(t.text()).contains("58213"));
    }

    @Test
    void outage_isUnavailableWithAReason_neverAnException() {
        arrangeOutage();

        var result = transcriber().transcribe(VOICE_NOTE, new ByteArrayInputStream(new byte[] {79, 103, 103, 83}));

        assertThat(result)
                .isInstanceOfSatisfying(
                        Transcription.Unavailable.class,
                        u -> assertThat(u.reason()).isNotBlank());
    }
}

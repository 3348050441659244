package sportello.openai.transcription;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.Attachment;
import sportello.openai.Metering;
import sportello.openai.ModelPrices;
import sportello.openai.OpenAiSettings;
import sportello.openai.wire.TranscriptionsEndpoint;
import sportello.ports.out.Transcriber;

/**
 * Voice notes to text with OpenAI's {@code /audio/transcriptions}, on the same base URL and key as the reply agent,
 * with {@link OpenAiSettings#transcriptionModel()}. The audio is streamed as it is read from media storage.
 *
 * <p>One attempt, no retries: the stream can be read only once, and a voice note without a transcript loses
 * nothing, since staff can still listen to it. Every failure becomes {@link Transcription.Unavailable} with a reason
 * that says what to do; the reply agent raises the alerts for a bad key or an empty account, which it shares.
 */
public final class OpenAiTranscriber implements Transcriber {

    private static final Logger log = LoggerFactory.getLogger(OpenAiTranscriber.class);

    private final String model;
    private final TranscriptionsEndpoint endpoint;
    private final Metering metering;
    private final InstantSource clock;

    /** With the default prices and the system clock. */
    public OpenAiTranscriber(OpenAiSettings settings, OkHttpClient client, ObjectMapper mapper) {
        this(settings, client, mapper, ModelPrices.defaults(), InstantSource.system());
    }

    /**
     * @param client the application's shared client; the transcriber derives its timeouts from the settings
     * @param prices what each call costs, reported in the transcription's usage
     */
    public OpenAiTranscriber(
            OpenAiSettings settings,
            OkHttpClient client,
            ObjectMapper mapper,
            ModelPrices prices,
            InstantSource clock) {
        Objects.requireNonNull(settings, "settings");
        OkHttpClient timed = client.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .build();
        this.model = settings.transcriptionModel();
        this.endpoint = new TranscriptionsEndpoint(settings.baseUrl(), settings.apiKey(), timed, mapper);
        this.metering = new Metering(Objects.requireNonNull(prices, "prices"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Transcription transcribe(Attachment attachment, InputStream audio) {
        Optional<AudioFile> file = AudioFile.of(attachment);
        if (file.isEmpty()) {
            return new Transcription.Unavailable("OpenAI does not transcribe " + attachment.baseMimeType()
                    + " audio; it reads "
                    + String.join(", ", AudioFile.READABLE.stream().sorted().toList()));
        }
        try {
            return switch (endpoint.post(model, file.get().name(), file.get().mimeType(), audio)) {
                case TranscriptionsEndpoint.Call.Heard(var text, var consumption, var requestId) -> {
                    log.debug("Transcribed voice note {} [x-request-id {}]", attachment.mediaId(), requestId);
                    yield new Transcription.Text(text, List.of(metering.usage(consumption, clock.instant())));
                }
                case TranscriptionsEndpoint.Call.Failed(var failure) ->
                    new Transcription.Unavailable(FailureReason.of(failure, model));
                case TranscriptionsEndpoint.Call.AudioUnreadable(var cause) ->
                    new Transcription.Unavailable("the stored voice note could not be read: " + cause.getMessage());
            };
        } catch (RuntimeException e) {
            // the port promises a result, never an exception: the voice note then just stays a voice note
            log.error("Transcribing voice note {} failed unexpectedly", attachment.mediaId(), e);
            return new Transcription.Unavailable("unexpected error calling OpenAI: " + e);
        }
    }
}

package sportello.openai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * OpenAI's {@code POST {baseUrl}/audio/transcriptions}, one attempt per call and no retries, like {@link
 * ResponsesEndpoint}: the audio is streamed, so it cannot be sent twice anyway.
 *
 * <p>Not in Sportello's Responses reference. The shape follows OpenAI's API reference "Create transcription" and the
 * Stainless-generated types of openai/openai-python ({@code types/audio/transcription_create_params.py},
 * {@code types/audio/transcription.py}) as read in November 2026: a {@code multipart/form-data} request with
 * {@code file} (flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm; the file name's extension and the part's content
 * type tell the format; at most 25 MB), {@code model} and {@code response_format=json} (the only format the
 * gpt-4o transcribe models take); the answer {@code {"text": ..., "usage": ...}}, where {@code usage} is
 * {@code {"type": "tokens", "input_tokens", "output_tokens", "total_tokens", "input_token_details"}} for the
 * token-billed models and {@code {"type": "duration", "seconds"}} for {@code whisper-1}.
 */
public final class TranscriptionsEndpoint {

    private final OpenAiHttp http;
    private final HttpUrl url;

    /** {@code client} should already carry the timeouts for transcriptions; {@code mapper} is copied, not changed. */
    public TranscriptionsEndpoint(String baseUrl, String apiKey, OkHttpClient client, ObjectMapper mapper) {
        this.http = new OpenAiHttp(baseUrl, apiKey, client, mapper);
        this.url = http.url("audio", "transcriptions");
    }

    /** What one call came to. */
    public sealed interface Call {

        /**
         * What was heard, maybe empty (silence). {@code consumption} has zero tokens when the model bills by the
         * minute ({@code whisper-1}) or the answer has no usage; its model is the one asked for, as the answer names
         * none.
         */
        record Heard(String text, Consumption consumption, String requestId) implements Call {}

        /** {@code failure}: {@link Outcome.Rejected}, {@link Outcome.Unreachable}, or {@link Outcome.NoAnswer}. */
        record Failed(Outcome failure) implements Call {}

        /** The audio stream failed while it was being sent: the stored file, not OpenAI, is the problem. */
        record AudioUnreadable(IOException cause) implements Call {}
    }

    /** Sends {@code audio} as the file {@code fileName} of type {@code mimeType}; the caller closes the stream. */
    public Call post(String model, String fileName, String mimeType, InputStream audio) {
        RequestBody multipart = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("model", model)
                .addFormDataPart("response_format", "json")
                .addFormDataPart("file", fileName, new StreamedBody(mediaType(mimeType), audio))
                .build();
        Call call = http.send(
                http.post(url, multipart),
                (body, requestId) -> heard(http.json().readTree(body), model, requestId),
                Call.Failed::new);
        if (call instanceof Call.Failed(Outcome.Unreachable(var cause)) && cause instanceof StreamedBody.SourceFailed) {
            return new Call.AudioUnreadable((IOException) cause.getCause());
        }
        return call;
    }

    /** A type OkHttp cannot parse goes as plain bytes: the file name's extension still tells the format. */
    private static MediaType mediaType(String mimeType) {
        MediaType parsed = MediaType.parse(mimeType);
        return parsed == null ? MediaType.get("application/octet-stream") : parsed;
    }

    private static Call heard(JsonNode answer, String model, String requestId) {
        JsonNode text = answer == null ? null : answer.get("text");
        if (text == null || !text.isTextual()) {
            return new Call.Failed(new Outcome.NoAnswer("the transcription has no text", null, requestId));
        }
        JsonNode usage = answer.path("usage");
        // "duration" usage (whisper-1) has seconds, not tokens: path() reads the missing counts as 0
        var consumption = new Consumption(
                model,
                usage.path("input_tokens").asLong(0),
                0,
                usage.path("output_tokens").asLong(0),
                0);
        return new Call.Heard(text.asText(), consumption, requestId);
    }
}

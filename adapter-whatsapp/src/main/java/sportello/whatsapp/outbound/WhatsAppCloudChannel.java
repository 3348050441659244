package sportello.whatsapp.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.customer.Customer;
import sportello.ports.out.Channel;
import sportello.whatsapp.WhatsAppSettings;

/**
 * Sends texts and read receipts through the WhatsApp Cloud API ({@code POST /{version}/{phone-number-id}/messages}).
 * Every outcome is classified so that the outbox retries only what Meta provably did not take.
 */
public final class WhatsAppCloudChannel implements Channel {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    /** Meta counts up to 4096 characters; we count code points, so an emoji is never split or miscounted. */
    static final int MAX_TEXT_CODE_POINTS = 4096;

    /** Meta's limit for {@code biz_opaque_callback_data}. */
    static final int MAX_CALLBACK_DATA = 512;

    private static final Logger log = LoggerFactory.getLogger(WhatsAppCloudChannel.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String CORRELATION_PREFIX = "outbox:";

    /** Graph answers are small; anything bigger than this is not an answer we can use anyway. */
    private static final long MAX_ANSWER_BYTES = 64 * 1024;

    private final WhatsAppSettings settings;
    private final OkHttpClient client;
    private final ObjectMapper mapper;

    public WhatsAppCloudChannel(WhatsAppSettings settings, OkHttpClient http, ObjectMapper mapper) {
        this(settings, http, mapper, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public WhatsAppCloudChannel(
            WhatsAppSettings settings,
            OkHttpClient http,
            ObjectMapper mapper,
            Duration connectTimeout,
            Duration readTimeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.client = Objects.requireNonNull(http, "http")
                .newBuilder()
                // OkHttp would otherwise silently repeat a POST on a broken connection: a possible double message.
                .retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .addNetworkInterceptor(new DeliveryAttempt.Marker())
                .build();
    }

    @Override
    public SendResult send(Customer to, String text, String correlation) {
        Objects.requireNonNull(to, "to");
        if (text == null || text.isBlank()) {
            return new SendResult.Refused("empty text", false);
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT_CODE_POINTS) {
            // Splitting long answers on sentence boundaries is issue #4.
            return new SendResult.Refused("text longer than 4096 characters", false);
        }
        String callbackData = correlation == null || correlation.isBlank() ? null : CORRELATION_PREFIX + correlation;
        if (callbackData != null && callbackData.length() > MAX_CALLBACK_DATA) {
            return new SendResult.Refused("correlation longer than WhatsApp's 512-character callback data", false);
        }
        var attempt = new DeliveryAttempt();
        Request request = post(
                        settings.phoneNumberId(),
                        TextMessage.to(to, text, callbackData).json(mapper))
                .tag(DeliveryAttempt.class, attempt)
                .build();
        try (Response response = client.newCall(request).execute()) {
            return answer(response, correlation);
        } catch (IOException e) {
            if (!attempt.mayHaveArrived()) {
                log.warn("Send for {} never reached WhatsApp ({}); safe to retry", correlation, describe(e));
                return new SendResult.RetryLater("WhatsApp unreachable: " + describe(e), Duration.ZERO);
            }
            log.warn("Send for {} got no answer after the request went out ({})", correlation, describe(e));
            return new SendResult.InDoubt("no answer from WhatsApp after sending: " + describe(e));
        }
    }

    @Override
    public void markRead(String channelAccount, String channelMessageId) {
        if (channelMessageId == null || channelMessageId.isBlank()) {
            log.warn("Not marking a message read: no message id");
            return;
        }
        String phoneNumberId =
                channelAccount == null || channelAccount.isBlank() ? settings.phoneNumberId() : channelAccount;
        try (Response response = client.newCall(post(phoneNumberId, new ReadReceipt(channelMessageId).json(mapper))
                        .build())
                .execute()) {
            if (!response.isSuccessful()) {
                String body = response.peekBody(MAX_ANSWER_BYTES).string();
                Optional<GraphError> error = GraphError.parse(mapper, body);
                log.warn(
                        "Marking message {} read failed: HTTP {} {} (x-fb-trace-id {}, fbtrace_id {})",
                        channelMessageId,
                        response.code(),
                        error.map(GraphError::summary).orElse(""),
                        response.header("x-fb-trace-id"),
                        error.map(GraphError::fbtraceId).orElse(null));
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: a missing blue tick must never stop the reply itself.
            log.warn("Marking message {} read failed: {}", channelMessageId, describe(e));
        }
    }

    private SendResult answer(Response response, String correlation) {
        String body = readAnswer(response);
        if (response.isSuccessful()) {
            Optional<String> wamid = acceptedMessageId(body);
            if (wamid.isPresent()) {
                return new SendResult.Accepted(wamid.get());
            }
            // Meta took it but we cannot tell its id: a status with our correlation will name it later.
            log.warn(
                    "Send for {} answered HTTP {} without a message id (x-fb-trace-id {})",
                    correlation,
                    response.code(),
                    response.header("x-fb-trace-id"));
            return new SendResult.InDoubt("WhatsApp answered " + response.code() + " without a message id");
        }
        Optional<GraphError> error = GraphError.parse(mapper, body);
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), Instant.now());
        SendResult result = ErrorClassification.classify(response.code(), error, retryAfter);
        log.warn(
                "Send for {} failed: HTTP {}, {} (x-fb-trace-id {}, fbtrace_id {})",
                correlation,
                response.code(),
                result,
                response.header("x-fb-trace-id"),
                error.map(GraphError::fbtraceId).orElse(null));
        return result;
    }

    /** The answer body, or null when it cannot be read; a send's outcome never hinges on reading it whole. */
    private static String readAnswer(Response response) {
        try {
            return response.peekBody(MAX_ANSWER_BYTES).string();
        } catch (IOException e) {
            return null;
        }
    }

    private Optional<String> acceptedMessageId(String body) {
        if (body == null) {
            return Optional.empty();
        }
        try {
            JsonNode id = mapper.readTree(body).path("messages").path(0).path("id");
            return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private Request.Builder post(String phoneNumberId, ObjectNode json) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        return new Request.Builder()
                .url(messagesUrl(phoneNumberId))
                .header("Authorization", "Bearer " + settings.accessToken())
                .post(RequestBody.create(bytes, JSON));
    }

    private HttpUrl messagesUrl(String phoneNumberId) {
        return HttpUrl.get(settings.baseUrl())
                .newBuilder()
                .addPathSegment(settings.apiVersion())
                .addPathSegment(phoneNumberId)
                .addPathSegment("messages")
                .build();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

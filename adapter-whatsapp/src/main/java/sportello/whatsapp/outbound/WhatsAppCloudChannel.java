package sportello.whatsapp.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.ports.out.Channel;
import sportello.ports.out.Templates;
import sportello.whatsapp.WhatsAppSettings;
import sportello.whatsapp.graph.GraphError;
import sportello.whatsapp.graph.GraphErrorClass;
import sportello.whatsapp.graph.RetryAfter;

/**
 * Sends texts, templates and read receipts through the WhatsApp Cloud API
 * ({@code POST /{version}/{phone-number-id}/messages}). Every outcome is classified so that the outbox retries only
 * what Meta provably did not take. Calls are paced below Meta's limits instead of waiting: when a number's throughput
 * or a customer's pair rate is used up, a send answers {@code RetryLater} with the wait, without calling Graph. Texts
 * too long for one message go out in parts.
 */
public final class WhatsAppCloudChannel implements Channel {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    /** Meta counts up to 4096 characters; we count code points, so an emoji is never split or miscounted. */
    static final int MAX_TEXT_CODE_POINTS = 4096;

    /** A reply that needs more messages than this is a mistake upstream, not something to flood a customer with. */
    static final int MAX_PARTS = 10;

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
    private final Pacing pacing;
    private final Map<String, ThroughputLimit> throughput = new ConcurrentHashMap<>();
    private final PairRateBackoff pairRate;
    private final ParameterNames parameterNames;

    /** Default timeouts and pacing (80 messages per second, system clock). */
    public WhatsAppCloudChannel(WhatsAppSettings settings, OkHttpClient http, ObjectMapper mapper) {
        this(settings, http, mapper, Pacing.standard());
    }

    public WhatsAppCloudChannel(WhatsAppSettings settings, OkHttpClient http, ObjectMapper mapper, Pacing pacing) {
        this(settings, http, mapper, pacing, Templates.NONE);
    }

    /**
     * {@code catalogue} tells which templates use named placeholders ({@code {{first_name}}}), whose values must be
     * sent with their names; without it every template is sent with positional values.
     */
    public WhatsAppCloudChannel(
            WhatsAppSettings settings, OkHttpClient http, ObjectMapper mapper, Pacing pacing, Templates catalogue) {
        this(settings, http, mapper, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, pacing, catalogue);
    }

    public WhatsAppCloudChannel(
            WhatsAppSettings settings,
            OkHttpClient http,
            ObjectMapper mapper,
            Duration connectTimeout,
            Duration readTimeout) {
        this(settings, http, mapper, connectTimeout, readTimeout, Pacing.standard());
    }

    public WhatsAppCloudChannel(
            WhatsAppSettings settings,
            OkHttpClient http,
            ObjectMapper mapper,
            Duration connectTimeout,
            Duration readTimeout,
            Pacing pacing) {
        this(settings, http, mapper, connectTimeout, readTimeout, pacing, Templates.NONE);
    }

    public WhatsAppCloudChannel(
            WhatsAppSettings settings,
            OkHttpClient http,
            ObjectMapper mapper,
            Duration connectTimeout,
            Duration readTimeout,
            Pacing pacing,
            Templates catalogue) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.pairRate = new PairRateBackoff(pacing.clock());
        this.parameterNames = new ParameterNames(Objects.requireNonNull(catalogue, "catalogue"));
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
            return new SendResult.Refused(
                    "The reply is empty, so there was nothing to send. Write the answer again.", false);
        }
        String callbackData = callbackData(correlation);
        if (callbackData != null && callbackData.length() > MAX_CALLBACK_DATA) {
            return callbackDataTooLong();
        }
        List<String> parts = TextParts.split(text, MAX_TEXT_CODE_POINTS);
        if (parts.size() > MAX_PARTS) {
            return new SendResult.Refused(
                    "The reply is " + text.codePointCount(0, text.length()) + " characters long and would take "
                            + parts.size() + " WhatsApp messages; at most " + MAX_PARTS
                            + " are sent in one go. Shorten it and send it again.",
                    false);
        }
        Optional<SendResult> wait = paced(to, parts.size());
        if (wait.isPresent()) {
            return wait.get();
        }
        return sendInOrder(to, parts, callbackData, correlation);
    }

    /**
     * Sends an approved template with its body values, to the same recipient, at the same pace and with the same
     * reading of WhatsApp's answer as a text.
     */
    @Override
    public SendResult sendTemplate(Customer to, TemplateMessage template, String correlation) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(template, "template");
        String callbackData = callbackData(correlation);
        if (callbackData != null && callbackData.length() > MAX_CALLBACK_DATA) {
            return callbackDataTooLong();
        }
        ObjectNode body = TemplateRequest.to(to, template, parameterNames.of(template), callbackData)
                .json(mapper);
        Optional<SendResult> wait = paced(to, 1);
        if (wait.isPresent()) {
            return wait.get();
        }
        return sendOne(to, body, correlation);
    }

    /** A wait when this customer's pair rate or the number's throughput has no room for {@code messages} now. */
    private Optional<SendResult> paced(Customer to, int messages) {
        Optional<Duration> pairWait = pairRate.remaining(to.key());
        if (pairWait.isPresent()) {
            return Optional.of(new SendResult.RetryLater(
                    ErrorClassification.pairRatePause(pairWait.get(), Optional.empty()), pairWait.get()));
        }
        Optional<Duration> paceWait = limitFor(settings.phoneNumberId()).take(messages);
        return paceWait.map(pause -> new SendResult.RetryLater(
                "This business number is at Sportello's pace of " + pacing.messagesPerSecond()
                        + " messages per second, kept below WhatsApp's limit. The message will go out in a"
                        + " moment; nothing to do.",
                pause));
    }

    /** Meta echoes this in the message's statuses, where the inbound reader takes the outbox id back out. */
    private static String callbackData(String correlation) {
        return correlation == null || correlation.isBlank() ? null : CORRELATION_PREFIX + correlation;
    }

    private static SendResult callbackDataTooLong() {
        return new SendResult.Refused(
                "The outbox id is longer than WhatsApp's 512-character callback data, so the message was not"
                        + " sent. This is a Sportello bug: please report it.",
                false);
    }

    /**
     * Sends the parts one after the other and stops at the first that is not accepted. Once a part went out, a later
     * failure cannot be retried as a whole without repeating it, so it is reported in doubt, naming what went out.
     */
    private SendResult sendInOrder(Customer to, List<String> parts, String callbackData, String correlation) {
        String lastAccepted = null;
        for (int i = 0; i < parts.size(); i++) {
            SendResult result =
                    sendOne(to, TextMessage.to(to, parts.get(i), callbackData).json(mapper), correlation);
            if (result instanceof SendResult.Accepted accepted) {
                lastAccepted = accepted.channelMessageId();
                continue;
            }
            if (i == 0) {
                return result;
            }
            log.warn(
                    "Send for {}: part {} of {} not accepted after {} went out ({})",
                    correlation,
                    i + 1,
                    parts.size(),
                    i,
                    result);
            return new SendResult.InDoubt("Only " + i + " of the " + parts.size()
                    + " parts of this long reply reached WhatsApp (the last one accepted is " + lastAccepted
                    + "); part " + (i + 1) + " was not sent: " + reasonOf(result)
                    + " Sportello does not resend the parts that went out: check the conversation and send the"
                    + " rest by hand.");
        }
        return new SendResult.Accepted(lastAccepted);
    }

    private SendResult sendOne(Customer to, ObjectNode body, String correlation) {
        var attempt = new DeliveryAttempt();
        Request request = post(settings.phoneNumberId(), body)
                .tag(DeliveryAttempt.class, attempt)
                .build();
        try (Response response = client.newCall(request).execute()) {
            return answer(response, to, correlation);
        } catch (IOException e) {
            if (!attempt.mayHaveArrived()) {
                log.warn("Send for {} never reached WhatsApp ({}); safe to retry", correlation, describe(e));
                return new SendResult.RetryLater(
                        "Sportello could not reach WhatsApp, so the message was not sent; it will try again. If"
                                + " this keeps happening, check the server's internet connection. ["
                                + describe(e) + "]",
                        Duration.ZERO);
            }
            log.warn("Send for {} got no answer after the request went out ({})", correlation, describe(e));
            return new SendResult.InDoubt("WhatsApp did not answer after the message was sent, so it may or may not"
                    + " have gone out. Sportello waits for WhatsApp's status report before deciding. ["
                    + describe(e) + "]");
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
        Optional<Duration> paceWait = limitFor(phoneNumberId).take(1);
        if (paceWait.isPresent()) {
            // Best effort: skipping a blue tick is better than holding up a reply.
            log.info("Not marking message {} read: number {} is at its pace limit", channelMessageId, phoneNumberId);
            return;
        }
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

    private SendResult answer(Response response, Customer to, String correlation) {
        String body = readAnswer(response);
        if (response.isSuccessful()) {
            Optional<String> wamid = acceptedMessageId(body);
            if (wamid.isPresent()) {
                pairRate.accepted(to.key());
                return new SendResult.Accepted(wamid.get());
            }
            // Meta took it but we cannot tell its id: a status with our correlation will name it later.
            log.warn(
                    "Send for {} answered HTTP {} without a message id (x-fb-trace-id {})",
                    correlation,
                    response.code(),
                    response.header("x-fb-trace-id"));
            return new SendResult.InDoubt("WhatsApp answered HTTP " + response.code() + " without a message id, so"
                    + " Sportello cannot tell whether the message went out; it waits for WhatsApp's status report.");
        }
        Optional<GraphError> error = GraphError.parse(mapper, body);
        Duration retryAfter =
                RetryAfter.parse(response.header("Retry-After"), pacing.clock().instant());
        SendResult result;
        if (error.isPresent() && GraphErrorClass.of(error.get().code()) == GraphErrorClass.PAIR_RATE) {
            Duration backoff = pairRate.hit(to.key());
            Duration wait = backoff.compareTo(retryAfter) >= 0 ? backoff : retryAfter;
            result = new SendResult.RetryLater(ErrorClassification.pairRatePause(wait, error), wait);
        } else {
            result = ErrorClassification.classify(response.code(), error, retryAfter);
        }
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

    private ThroughputLimit limitFor(String phoneNumberId) {
        return throughput.computeIfAbsent(
                phoneNumberId, number -> new ThroughputLimit(pacing.messagesPerSecond(), pacing.clock()));
    }

    private static String reasonOf(SendResult result) {
        return switch (result) {
            case SendResult.Accepted accepted -> "accepted as " + accepted.channelMessageId() + ".";
            case SendResult.RetryLater retry -> retry.reason();
            case SendResult.InDoubt doubt -> doubt.reason();
            case SendResult.Refused refused -> refused.reason();
            case SendResult.Blocked blocked -> blocked.reason();
            case SendResult.OutsideWindow outside -> outside.reason();
        };
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

package sportello.openai;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How Sportello talks to OpenAI for one business. Missing optional values (null) take the defaults below; the key,
 * the business id and the business name are required. {@code baseUrl} includes {@code /v1} so that proxies, Azure
 * and MockWebServer plug in through configuration alone.
 */
public record OpenAiSettings(
        String baseUrl,
        String apiKey,
        String model,
        String promptId,
        String promptVersion,
        int maxOutputTokens,
        int historyMessages,
        String businessName,
        String businessId,
        ZoneId timeZone,
        Duration connectTimeout,
        Duration readTimeout,
        Duration retryDeadline) {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4.1";
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 600;
    public static final int DEFAULT_HISTORY_MESSAGES = 20;
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Rome");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** About how long a customer waits for a reply before a holding message is better than another attempt. */
    public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofSeconds(45);

    /** OpenAI rejects smaller budgets; see the reference, section 2. */
    private static final int MIN_OUTPUT_TOKENS = 16;

    public OpenAiSettings {
        baseUrl = isBlank(baseUrl) ? DEFAULT_BASE_URL : stripTrailingSlash(baseUrl.strip());
        apiKey = required(apiKey, "apiKey (OPENAI_API_KEY)");
        model = isBlank(model) ? DEFAULT_MODEL : model.strip();
        promptId = isBlank(promptId) ? null : promptId.strip();
        promptVersion = isBlank(promptVersion) ? null : promptVersion.strip();
        businessName = required(businessName, "businessName");
        businessId = required(businessId, "businessId");
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
        connectTimeout = positiveOr(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        readTimeout = positiveOr(readTimeout, DEFAULT_READ_TIMEOUT, "readTimeout");
        retryDeadline = positiveOr(retryDeadline, DEFAULT_RETRY_DEADLINE, "retryDeadline");
        if (maxOutputTokens < MIN_OUTPUT_TOKENS) {
            throw new IllegalArgumentException(
                    "maxOutputTokens must be at least " + MIN_OUTPUT_TOKENS + ", got " + maxOutputTokens);
        }
        if (historyMessages < 1) {
            throw new IllegalArgumentException("historyMessages must be at least 1, got " + historyMessages);
        }
    }

    /** Every optional setting at its default. */
    public static OpenAiSettings of(String apiKey, String businessId, String businessName) {
        return new OpenAiSettings(
                null,
                apiKey,
                null,
                null,
                null,
                DEFAULT_MAX_OUTPUT_TOKENS,
                DEFAULT_HISTORY_MESSAGES,
                businessName,
                businessId,
                null,
                null,
                null,
                null);
    }

    public OpenAiSettings withBaseUrl(String newBaseUrl) {
        return new OpenAiSettings(
                newBaseUrl,
                apiKey,
                model,
                promptId,
                promptVersion,
                maxOutputTokens,
                historyMessages,
                businessName,
                businessId,
                timeZone,
                connectTimeout,
                readTimeout,
                retryDeadline);
    }

    public OpenAiSettings withModel(String newModel) {
        return new OpenAiSettings(
                baseUrl,
                apiKey,
                newModel,
                promptId,
                promptVersion,
                maxOutputTokens,
                historyMessages,
                businessName,
                businessId,
                timeZone,
                connectTimeout,
                readTimeout,
                retryDeadline);
    }

    /** Compatibility mode: also reference a prompt stored in OpenAI's dashboard ({@code version} may be null). */
    public OpenAiSettings withPrompt(String newPromptId, String newPromptVersion) {
        return new OpenAiSettings(
                baseUrl,
                apiKey,
                model,
                newPromptId,
                newPromptVersion,
                maxOutputTokens,
                historyMessages,
                businessName,
                businessId,
                timeZone,
                connectTimeout,
                readTimeout,
                retryDeadline);
    }

    public OpenAiSettings withLimits(int newMaxOutputTokens, int newHistoryMessages) {
        return new OpenAiSettings(
                baseUrl,
                apiKey,
                model,
                promptId,
                promptVersion,
                newMaxOutputTokens,
                newHistoryMessages,
                businessName,
                businessId,
                timeZone,
                connectTimeout,
                readTimeout,
                retryDeadline);
    }

    public OpenAiSettings withTimeZone(ZoneId newTimeZone) {
        return new OpenAiSettings(
                baseUrl,
                apiKey,
                model,
                promptId,
                promptVersion,
                maxOutputTokens,
                historyMessages,
                businessName,
                businessId,
                newTimeZone,
                connectTimeout,
                readTimeout,
                retryDeadline);
    }

    public OpenAiSettings withTimeouts(Duration newConnect, Duration newRead, Duration newRetryDeadline) {
        return new OpenAiSettings(
                baseUrl,
                apiKey,
                model,
                promptId,
                promptVersion,
                maxOutputTokens,
                historyMessages,
                businessName,
                businessId,
                timeZone,
                newConnect,
                newRead,
                newRetryDeadline);
    }

    /** The key stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", apiKey=<redacted>, model=" + model + ", promptId=" + promptId
                + ", promptVersion=" + promptVersion + ", maxOutputTokens=" + maxOutputTokens + ", historyMessages="
                + historyMessages + ", businessName=" + businessName + ", businessId=" + businessId + ", timeZone="
                + timeZone + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", retryDeadline=" + retryDeadline + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String required(String value, String name) {
        if (isBlank(value)) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value.strip();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Duration positiveOr(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}

package sportello.openai;

import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;

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
        Duration retryDeadline,
        String vectorStoreId,
        int toolRounds,
        int historyTokenBudget,
        String transcriptionModel) {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4.1";
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 600;
    public static final int DEFAULT_HISTORY_MESSAGES = 20;
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Rome");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** About how long a customer waits for a reply before a holding message is better than another attempt. */
    public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofSeconds(45);
    /** Rounds of function calls per turn before one last request that must answer in text (reference §7). */
    public static final int DEFAULT_TOOL_ROUNDS = 4;
    /**
     * Estimated tokens the conversation part of a request may take: the kept messages plus the summary of older
     * ones. Instructions and tools come on top. Estimated, not counted: see {@link TokenEstimate}.
     */
    public static final int DEFAULT_HISTORY_TOKEN_BUDGET = 3000;
    /**
     * Transcribes voice notes: OpenAI's cheaper speech model, billed per token like the chat models (see {@link
     * ModelPrices#defaults()}); {@code whisper-1} and {@code gpt-4o-transcribe} also work.
     */
    public static final String DEFAULT_TRANSCRIPTION_MODEL = "gpt-4o-mini-transcribe";
    /** Room for the summary of older messages and one shortened customer message. */
    public static final int MIN_HISTORY_TOKEN_BUDGET = 500;
    /** Reasoning models think before the first byte, and a vector store search adds seconds: reference §1. */
    public static final Duration SLOW_READ_TIMEOUT = Duration.ofSeconds(120);

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
        vectorStoreId = isBlank(vectorStoreId) ? null : vectorStoreId.strip();
        transcriptionModel = isBlank(transcriptionModel) ? DEFAULT_TRANSCRIPTION_MODEL : transcriptionModel.strip();
        if (toolRounds < 1) {
            throw new IllegalArgumentException("toolRounds must be at least 1, got " + toolRounds);
        }
        if (maxOutputTokens < MIN_OUTPUT_TOKENS) {
            throw new IllegalArgumentException(
                    "maxOutputTokens must be at least " + MIN_OUTPUT_TOKENS + ", got " + maxOutputTokens);
        }
        if (historyMessages < 1) {
            throw new IllegalArgumentException("historyMessages must be at least 1, got " + historyMessages);
        }
        if (historyTokenBudget < MIN_HISTORY_TOKEN_BUDGET) {
            throw new IllegalArgumentException(
                    "historyTokenBudget must be at least " + MIN_HISTORY_TOKEN_BUDGET + ", got " + historyTokenBudget);
        }
    }

    /** Every optional setting at its default. */
    public static OpenAiSettings of(String apiKey, String businessId, String businessName) {
        Builder builder = new Builder();
        builder.apiKey = apiKey;
        builder.businessId = businessId;
        builder.businessName = businessName;
        return builder.build();
    }

    public OpenAiSettings withBaseUrl(String newBaseUrl) {
        return with(settings -> settings.baseUrl = newBaseUrl);
    }

    public OpenAiSettings withModel(String newModel) {
        return with(settings -> settings.model = newModel);
    }

    /** Compatibility mode: also reference a prompt stored in OpenAI's dashboard ({@code version} may be null). */
    public OpenAiSettings withPrompt(String newPromptId, String newPromptVersion) {
        return with(settings -> {
            settings.promptId = newPromptId;
            settings.promptVersion = newPromptVersion;
        });
    }

    public OpenAiSettings withLimits(int newMaxOutputTokens, int newHistoryMessages) {
        return with(settings -> {
            settings.maxOutputTokens = newMaxOutputTokens;
            settings.historyMessages = newHistoryMessages;
        });
    }

    public OpenAiSettings withTimeZone(ZoneId newTimeZone) {
        return with(settings -> settings.timeZone = newTimeZone);
    }

    public OpenAiSettings withTimeouts(Duration newConnect, Duration newRead, Duration newRetryDeadline) {
        return with(settings -> {
            settings.connectTimeout = newConnect;
            settings.readTimeout = newRead;
            settings.retryDeadline = newRetryDeadline;
        });
    }

    /** Lets the model search this OpenAI vector store ({@code file_search}); null or blank: no search. */
    public OpenAiSettings withVectorStore(String newVectorStoreId) {
        return with(settings -> settings.vectorStoreId = newVectorStoreId);
    }

    public OpenAiSettings withToolRounds(int newToolRounds) {
        return with(settings -> settings.toolRounds = newToolRounds);
    }

    /** At most this many estimated tokens of conversation per request (at least {@value #MIN_HISTORY_TOKEN_BUDGET}). */
    public OpenAiSettings withHistoryTokenBudget(int newHistoryTokenBudget) {
        return with(settings -> settings.historyTokenBudget = newHistoryTokenBudget);
    }

    /** Voice notes are transcribed with this model; null or blank: {@value #DEFAULT_TRANSCRIPTION_MODEL}. */
    public OpenAiSettings withTranscriptionModel(String newTranscriptionModel) {
        return with(settings -> settings.transcriptionModel = newTranscriptionModel);
    }

    /**
     * The read timeout the agent uses: {@code readTimeout}, raised to at least {@link #SLOW_READ_TIMEOUT} for
     * reasoning models and when {@code file_search} is on, since both spend long seconds before the first byte.
     */
    public Duration effectiveReadTimeout() {
        boolean slow = ModelFamily.isReasoning(model) || vectorStoreId != null;
        return slow && readTimeout.compareTo(SLOW_READ_TIMEOUT) < 0 ? SLOW_READ_TIMEOUT : readTimeout;
    }

    /** The key stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", apiKey=<redacted>, model=" + model + ", promptId=" + promptId
                + ", promptVersion=" + promptVersion + ", maxOutputTokens=" + maxOutputTokens + ", historyMessages="
                + historyMessages + ", businessName=" + businessName + ", businessId=" + businessId + ", timeZone="
                + timeZone + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", retryDeadline=" + retryDeadline + ", vectorStoreId=" + vectorStoreId + ", toolRounds=" + toolRounds
                + ", historyTokenBudget=" + historyTokenBudget + ", transcriptionModel=" + transcriptionModel + "]";
    }

    /** A copy of these settings with {@code change} applied, checked and defaulted like any other. */
    private OpenAiSettings with(Consumer<Builder> change) {
        Builder builder = toBuilder();
        change.accept(builder);
        return builder.build();
    }

    Builder toBuilder() {
        Builder builder = new Builder();
        builder.baseUrl = baseUrl;
        builder.apiKey = apiKey;
        builder.model = model;
        builder.promptId = promptId;
        builder.promptVersion = promptVersion;
        builder.maxOutputTokens = maxOutputTokens;
        builder.historyMessages = historyMessages;
        builder.businessName = businessName;
        builder.businessId = businessId;
        builder.timeZone = timeZone;
        builder.connectTimeout = connectTimeout;
        builder.readTimeout = readTimeout;
        builder.retryDeadline = retryDeadline;
        builder.vectorStoreId = vectorStoreId;
        builder.toolRounds = toolRounds;
        builder.historyTokenBudget = historyTokenBudget;
        builder.transcriptionModel = transcriptionModel;
        return builder;
    }

    /**
     * Every field of the settings, changeable: the one place a new field is copied. Starts with the defaults of
     * {@link #of}; {@link #build} checks and defaults like the canonical constructor, since it calls it.
     */
    static final class Builder {
        String baseUrl;
        String apiKey;
        String model;
        String promptId;
        String promptVersion;
        int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
        int historyMessages = DEFAULT_HISTORY_MESSAGES;
        String businessName;
        String businessId;
        ZoneId timeZone;
        Duration connectTimeout;
        Duration readTimeout;
        Duration retryDeadline;
        String vectorStoreId;
        int toolRounds = DEFAULT_TOOL_ROUNDS;
        int historyTokenBudget = DEFAULT_HISTORY_TOKEN_BUDGET;
        String transcriptionModel;

        OpenAiSettings build() {
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
                    connectTimeout,
                    readTimeout,
                    retryDeadline,
                    vectorStoreId,
                    toolRounds,
                    historyTokenBudget,
                    transcriptionModel);
        }
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

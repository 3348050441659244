package sportello.openai.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import sportello.openai.ModelFamily;
import sportello.openai.OpenAiSettings;
import sportello.openai.wire.ApiError;
import sportello.openai.wire.KnowledgeApi;
import sportello.openai.wire.KnowledgeApi.Call;
import sportello.openai.wire.Outcome;
import sportello.openai.wire.SetupProbe;
import sportello.ports.out.SetupCheck;

/**
 * The OpenAI part of {@code java -jar sportello.jar doctor}: is the key accepted and the model available
 * ({@code GET /models/{model}}, free), is there credit (one tiny billed answer, the only sure test), does the stored
 * prompt still exist, and is the vector store there and filled. Each finding says what is wrong and what to change,
 * with the OpenAI page or environment variable to go to; the key is never printed, and OpenAI's own messages are
 * quoted with anything key-like masked. Failures are sorted like the agent's ({@link ApiError#isQuota()} first, then
 * by status and code, never by message). When the network fails, checking stops with one finding saying so.
 */
public final class OpenAiDoctor {

    public static final String KEY_AND_MODEL = "OpenAI key and model";
    public static final String TEST_ANSWER = "OpenAI test answer";
    public static final String STORED_PROMPT = "OpenAI stored prompt";
    public static final String VECTOR_STORE = "OpenAI vector store";
    public static final String CONNECTION = "OpenAI connection";

    private static final String INVALID_API_KEY = "invalid_api_key";
    private static final String MODEL_NOT_FOUND = "model_not_found";
    private static final String REGION = "unsupported_country_region_territory";
    private static final String UPLOAD_COMMAND = "java -jar sportello.jar knowledge upload ./docs";

    private final OpenAiSettings settings;
    private final OkHttpClient http;
    private final ObjectMapper mapper;

    /**
     * @param settings the base URL, key, model, prompt id and vector store id to check (business fields unused)
     * @param http the application's shared client; a variant with the settings' timeouts is derived from it
     */
    public OpenAiDoctor(OpenAiSettings settings, OkHttpClient http, ObjectMapper mapper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Runs the checks in order: key and model, test answer, then the stored prompt and the vector store when they
     * are configured. Stops early when nothing further can be learnt (key refused, network down). Never throws for
     * what OpenAI or the network does.
     */
    public List<SetupCheck> check() {
        HttpUrl base = HttpUrl.parse(settings.baseUrl());
        if (base == null) {
            return List.of(SetupCheck.fail(
                    CONNECTION,
                    "OPENAI_BASE_URL ('" + settings.baseUrl() + "') is not an http(s) URL: set it to "
                            + OpenAiSettings.DEFAULT_BASE_URL + ", or remove it to use OpenAI directly"));
        }
        OkHttpClient timed = http.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.effectiveReadTimeout())
                .writeTimeout(settings.effectiveReadTimeout())
                .build();
        var probe = new SetupProbe(settings.baseUrl(), settings.apiKey(), timed, mapper);
        var knowledge = new KnowledgeApi(settings.baseUrl(), settings.apiKey(), timed, mapper);
        List<SetupCheck> checks = new ArrayList<>();
        try {
            Access access = keyModelAndAnswer(probe, checks);
            if (access == Access.REFUSED) {
                return List.copyOf(checks);
            }
            if (settings.promptId() != null) {
                checks.add(storedPrompt(probe, access == Access.ANSWERS));
            }
            if (settings.vectorStoreId() != null) {
                checks.add(vectorStore(knowledge));
            }
        } catch (Offline offline) {
            checks.add(SetupCheck.fail(
                    CONNECTION,
                    "cannot reach " + host(base) + ": check the internet connection/proxy or OPENAI_BASE_URL ("
                            + describe(offline.network) + ")"));
        }
        return List.copyOf(checks);
    }

    /** How far the key got: refused (nothing else worth asking), model missing, answered, or not answered. */
    private enum Access {
        REFUSED,
        NO_MODEL,
        NO_ANSWER,
        ANSWERS
    }

    /**
     * {@code GET /models/{model}}, then the test answer. A 401 other than {@code invalid_api_key} or a 403 other than
     * the region on the models call may be a restricted key that cannot list models but can answer, so the test
     * answer decides.
     */
    private Access keyModelAndAnswer(SetupProbe probe, List<SetupCheck> checks) throws Offline {
        Outcome.Rejected modelRefusal = null;
        switch (probe.model(settings.model())) {
            case Call.Done<SetupProbe.ModelInfo>(var model, var requestId) ->
                checks.add(SetupCheck.pass(KEY_AND_MODEL, "key accepted, model " + model.id() + " available"));
            case Call.Failed<SetupProbe.ModelInfo>(Outcome.Unreachable unreachable) ->
                throw new Offline(unreachable.cause());
            case Call.Failed<SetupProbe.ModelInfo>(Outcome.Rejected rejected) -> {
                ApiError error = rejected.error();
                if ((rejected.status() == 401 && INVALID_API_KEY.equals(error.code())) || inRefusedRegion(rejected)) {
                    checks.add(keyRefused(KEY_AND_MODEL, rejected));
                    return Access.REFUSED;
                }
                if (modelMissing(rejected)) {
                    checks.add(noSuchModel());
                    return Access.NO_MODEL;
                }
                modelRefusal = rejected; // decided by the test answer
            }
            case Call.Failed<SetupProbe.ModelInfo> other -> throw new IllegalStateException("not a failure: " + other);
        }
        return testAnswer(probe, checks, modelRefusal);
    }

    private Access testAnswer(SetupProbe probe, List<SetupCheck> checks, Outcome.Rejected modelRefusal) throws Offline {
        switch (ping(probe, null)) {
            case Call.Done<SetupProbe.PingAnswer> done -> {
                if (modelRefusal != null) {
                    checks.add(SetupCheck.pass(
                            KEY_AND_MODEL,
                            "key accepted, model " + settings.model() + " answered (its details could not be read: "
                                    + httpSummary(modelRefusal) + ")"));
                }
                checks.add(SetupCheck.pass(TEST_ANSWER, "a test answer worked (cost about $0.0001)"));
                return Access.ANSWERS;
            }
            case Call.Failed<SetupProbe.PingAnswer>(Outcome.Unreachable unreachable) ->
                throw new Offline(unreachable.cause());
            case Call.Failed<SetupProbe.PingAnswer>(Outcome.Rejected rejected) -> {
                if (rejected.status() == 401 || rejected.status() == 403) {
                    // refused outright, or a restricted key that may read models but not answer
                    checks.add(keyRefused(modelRefusal == null ? TEST_ANSWER : KEY_AND_MODEL, rejected));
                    return Access.REFUSED;
                }
                if (modelMissing(rejected)) {
                    if (modelRefusal == null) {
                        checks.removeIf(check -> check.name().equals(KEY_AND_MODEL));
                    }
                    checks.add(noSuchModel());
                    return Access.NO_MODEL;
                }
                if (modelRefusal != null) {
                    checks.add(SetupCheck.warn(
                            KEY_AND_MODEL,
                            "could not confirm model " + settings.model() + ": OpenAI answered "
                                    + httpSummary(modelRefusal) + " to a request for its details"));
                }
                checks.add(answerRefused(rejected));
                return Access.NO_ANSWER;
            }
            case Call.Failed<SetupProbe.PingAnswer> other -> throw new IllegalStateException("not a failure: " + other);
        }
    }

    /** The test answer's verdict: billing first (it comes as 429 like a rate limit), then by status. */
    private SetupCheck answerRefused(Outcome.Rejected rejected) {
        ApiError error = rejected.error();
        int status = rejected.status();
        if (error.isQuota()) {
            return SetupCheck.fail(
                    TEST_ANSWER,
                    "quota exhausted: add credit at platform.openai.com/settings/organization/billing, or raise the"
                            + " spending limit at platform.openai.com/settings/organization/limits ("
                            + error.label() + ")");
        }
        if (status == 429) {
            return SetupCheck.warn(
                    TEST_ANSWER,
                    "OpenAI is rate-limiting this key right now (" + error.label() + "): run doctor again in a minute;"
                            + " if it keeps happening, see the limits at platform.openai.com/settings/organization/limits");
        }
        if (status == 408 || status == 409 || status >= 500) {
            return SetupCheck.warn(
                    TEST_ANSWER,
                    "OpenAI could not answer just now (" + httpSummary(rejected) + "): run doctor again in a few"
                            + " minutes; status.openai.com shows outages");
        }
        return SetupCheck.fail(
                TEST_ANSWER,
                "OpenAI refused a test answer with model " + settings.model() + " (" + httpSummary(rejected)
                        + (error.param() == null ? "" : ", param " + error.param())
                        + "): check OPENAI_MODEL and OPENAI_BASE_URL");
    }

    /**
     * Stored prompts still answer until OpenAI shuts them down, so even a working one is a warning; a gone one (404)
     * is a warning too, since the agent then falls back to its own template by itself.
     */
    private SetupCheck storedPrompt(SetupProbe probe, boolean answers) throws Offline {
        String shutdown = "OPENAI_PROMPT_ID is set, but OpenAI shuts stored prompts down on 2026-11-30 and Sportello"
                + " then falls back to its own template (DATA_DIR/instructions.txt): copy the prompt's text there and"
                + " remove OPENAI_PROMPT_ID";
        if (!answers) {
            return SetupCheck.warn(STORED_PROMPT, shutdown + " (not tested: the test answer above failed)");
        }
        var prompt = new SetupProbe.PromptRef(settings.promptId(), settings.promptVersion());
        return switch (ping(probe, prompt)) {
            case Call.Done<SetupProbe.PingAnswer> done -> SetupCheck.warn(STORED_PROMPT, shutdown);
            case Call.Failed<SetupProbe.PingAnswer>(Outcome.Unreachable unreachable) ->
                throw new Offline(unreachable.cause());
            case Call.Failed<SetupProbe.PingAnswer>(Outcome.Rejected rejected)
            when rejected.status() == 404 ->
                SetupCheck.warn(
                        STORED_PROMPT,
                        "the stored prompt '" + settings.promptId() + "'"
                                + (settings.promptVersion() == null
                                        ? ""
                                        : " (version " + settings.promptVersion() + ")")
                                + " is gone: remove OPENAI_PROMPT_ID (and OPENAI_PROMPT_VERSION); Sportello answers"
                                + " with its own template (DATA_DIR/instructions.txt)");
            case Call.Failed<SetupProbe.PingAnswer>(Outcome.Rejected rejected) ->
                SetupCheck.warn(
                        STORED_PROMPT, shutdown + " (a test answer with it failed: " + httpSummary(rejected) + ")");
            case Call.Failed<SetupProbe.PingAnswer> other -> throw new IllegalStateException("not a failure: " + other);
        };
    }

    private SetupCheck vectorStore(KnowledgeApi knowledge) throws Offline {
        String id = settings.vectorStoreId();
        return switch (knowledge.vectorStore(id)) {
            case Call.Done<KnowledgeApi.VectorStore>(var store, var requestId) -> storeState(store, id);
            case Call.Failed<KnowledgeApi.VectorStore>(Outcome.Unreachable unreachable) ->
                throw new Offline(unreachable.cause());
            case Call.Failed<KnowledgeApi.VectorStore>(Outcome.Rejected rejected)
            when rejected.status() == 404 ->
                SetupCheck.fail(
                        VECTOR_STORE,
                        "OPENAI_VECTOR_STORE_ID not found: run " + UPLOAD_COMMAND + " (no store " + id
                                + " in this key's project; the command creates one and prints the"
                                + " OPENAI_VECTOR_STORE_ID to set)");
            case Call.Failed<KnowledgeApi.VectorStore>(Outcome.Rejected rejected)
            when rejected.status() == 429 || rejected.status() >= 500 ->
                SetupCheck.warn(
                        VECTOR_STORE,
                        "OpenAI could not show vector store " + id + " just now (" + httpSummary(rejected)
                                + "): run doctor again in a few minutes");
            case Call.Failed<KnowledgeApi.VectorStore>(Outcome.Rejected rejected)
            when rejected.status() == 401 || rejected.status() == 403 ->
                SetupCheck.fail(
                        VECTOR_STORE,
                        "OpenAI refused this key access to vector store " + id + " (" + httpSummary(rejected)
                                + "): a restricted key needs Vector Stores: Read at platform.openai.com/api-keys,"
                                + " or create a key with All permissions there");
            case Call.Failed<KnowledgeApi.VectorStore>(Outcome.Rejected rejected) ->
                SetupCheck.fail(
                        VECTOR_STORE,
                        "OpenAI refused to show vector store " + id + " (" + httpSummary(rejected)
                                + "): check OPENAI_VECTOR_STORE_ID");
            case Call.Failed<KnowledgeApi.VectorStore> other ->
                throw new IllegalStateException("not a failure: " + other);
        };
    }

    private static SetupCheck storeState(KnowledgeApi.VectorStore store, String id) {
        String named =
                (store.name() == null || store.name().isBlank() ? "" : "'" + store.name() + "' ") + "(" + id + ")";
        KnowledgeApi.FileCounts counts = store.counts();
        if (store.expired()) {
            return SetupCheck.fail(
                    VECTOR_STORE,
                    "vector store " + named + " has expired and can no longer be searched: run " + UPLOAD_COMMAND
                            + " without OPENAI_VECTOR_STORE_ID, then set it to the new id the command prints");
        }
        if (counts.completed() == 0) {
            return SetupCheck.warn(
                    VECTOR_STORE,
                    counts.inProgress() > 0
                            ? "vector store " + named + " is still processing " + counts.inProgress()
                                    + " documents and none is searchable yet: run doctor again in a few minutes"
                            : "vector store " + named + " has no searchable documents: run " + UPLOAD_COMMAND);
        }
        String searchable = counts.completed() + (counts.completed() == 1 ? " document" : " documents") + " searchable";
        if (counts.failed() > 0) {
            return SetupCheck.warn(
                    VECTOR_STORE,
                    "vector store " + named + ": " + searchable + ", " + counts.failed() + " could not be processed:"
                            + " save them as PDF, Word or plain text and run " + UPLOAD_COMMAND + " again");
        }
        return SetupCheck.pass(VECTOR_STORE, "vector store " + named + " ready: " + searchable);
    }

    /** The agent's options for the model's family, as in its own requests. */
    private Call<SetupProbe.PingAnswer> ping(SetupProbe probe, SetupProbe.PromptRef prompt) {
        boolean reasoning = ModelFamily.isReasoning(settings.model());
        return probe.ping(
                settings.model(),
                reasoning ? null : ModelFamily.TEMPERATURE,
                reasoning ? ModelFamily.REASONING_EFFORT : null,
                prompt);
    }

    /** 403 {@code unsupported_country_region_territory}: OpenAI does not serve where the server is. */
    private static boolean inRefusedRegion(Outcome.Rejected rejected) {
        return rejected.status() == 403 && REGION.equals(rejected.error().code());
    }

    /** 404, or {@code model_not_found} in whatever status a server sends it. */
    private static boolean modelMissing(Outcome.Rejected rejected) {
        return rejected.status() == 404
                || MODEL_NOT_FOUND.equals(rejected.error().code());
    }

    private SetupCheck noSuchModel() {
        return SetupCheck.fail(
                KEY_AND_MODEL,
                "model '" + settings.model() + "' not available to this key: set OPENAI_MODEL to e.g. gpt-4.1 or"
                        + " gpt-4.1-mini");
    }

    /** 401 and 403: the key itself, the region, or a restricted key's missing permission. */
    private static SetupCheck keyRefused(String name, Outcome.Rejected rejected) {
        ApiError error = rejected.error();
        if (rejected.status() == 401 && INVALID_API_KEY.equals(error.code())) {
            return SetupCheck.fail(
                    name, "OpenAI rejected OPENAI_API_KEY: create a key at platform.openai.com/api-keys");
        }
        if (inRefusedRegion(rejected)) {
            return SetupCheck.fail(
                    name,
                    "OpenAI does not serve the country or region this server connects from (" + REGION + "): run"
                            + " Sportello on a server in a supported country"
                            + " (platform.openai.com/docs/supported-countries)");
        }
        return SetupCheck.fail(
                name,
                "OpenAI refused OPENAI_API_KEY (" + httpSummary(rejected) + "): if it is a restricted key, give it"
                        + " Models: Read and Model capabilities: Write at platform.openai.com/api-keys; otherwise"
                        + " create a key there and check its project and role");
    }

    /** "HTTP 401 type/code: message", the message masked of anything key-like. */
    private static String httpSummary(Outcome.Rejected rejected) {
        ApiError error = rejected.error();
        return "HTTP " + rejected.status() + " " + error.label()
                + error.redactedMessage().map(message -> ": " + message).orElse("");
    }

    private static String host(HttpUrl base) {
        return base.port() == HttpUrl.defaultPort(base.scheme()) ? base.host() : base.host() + ":" + base.port();
    }

    private static String describe(IOException cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** The network failed: checking stops with one finding. */
    private static final class Offline extends Exception {
        final IOException network;

        Offline(IOException network) {
            super(null, null, false, false);
            this.network = network;
        }
    }
}

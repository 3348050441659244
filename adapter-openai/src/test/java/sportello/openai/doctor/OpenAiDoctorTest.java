package sportello.openai.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import sportello.openai.OpenAiSettings;
import sportello.ports.out.SetupCheck;
import sportello.ports.out.SetupCheck.Result;

/** {@code sportello doctor}'s OpenAI checks against MockWebServer, with the shared wire fixtures. */
class OpenAiDoctorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "sk-test-0123456789";
    private static final String STORE = "vs_6921c0de5a8c8191b1e2f3a4b5c6d7e8";
    private static final String PROMPT = "pmpt_68b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4";
    private static final String UPLOAD = "java -jar sportello.jar knowledge upload ./docs";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private OpenAiSettings settings() {
        return OpenAiSettings.of(API_KEY, "b42", "Ceramiche Bellini")
                .withBaseUrl(server.url("/v1").toString())
                .withModel("gpt-4.1-mini");
    }

    private List<SetupCheck> check(OpenAiSettings settings) {
        return new OpenAiDoctor(settings, new OkHttpClient(), new ObjectMapper()).check();
    }

    @Test
    void allPass_keyAndModel_testAnswer_andVectorStore() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(ok("response-text.json"));
        server.enqueue(ok("doctor/vector-store-ready.json"));

        List<SetupCheck> checks = check(settings().withVectorStore(STORE));

        assertThat(checks)
                .extracting(SetupCheck::name, SetupCheck::result, SetupCheck::message)
                .containsExactly(
                        tuple(OpenAiDoctor.KEY_AND_MODEL, Result.PASS, "key accepted, model gpt-4.1-mini available"),
                        tuple(OpenAiDoctor.TEST_ANSWER, Result.PASS, "a test answer worked (cost about $0.0001)"),
                        tuple(
                                OpenAiDoctor.VECTOR_STORE,
                                Result.PASS,
                                "vector store 'Ceramiche Bellini' (" + STORE + ") ready: 3 documents searchable"));
    }

    @Test
    void requests_readTheModel_sendTheSmallestTestAnswer_andReadTheStore() throws Exception {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(ok("response-text.json"));
        server.enqueue(ok("doctor/vector-store-ready.json"));

        check(settings().withVectorStore(STORE));

        List<RecordedRequest> requests = requests();
        assertThat(requests)
                .extracting(r -> r.getMethod() + " " + r.getTarget())
                .containsExactly("GET /v1/models/gpt-4.1-mini", "POST /v1/responses", "GET /v1/vector_stores/" + STORE);
        assertThat(requests)
                .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY));
        assertThat(body(requests.get(1)))
                .isEqualTo(JSON.readTree("{\"model\": \"gpt-4.1-mini\", \"input\": \"ping\", \"max_output_tokens\": 16,"
                        + " \"store\": false, \"temperature\": 0.3}"));
    }

    @Test
    void reasoningModel_testAnswer_hasNoTemperature_andAnIncompleteAnswerStillPasses() throws Exception {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(ok("response-incomplete-max-tokens.json"));

        List<SetupCheck> checks = check(settings().withModel("gpt-5-mini"));

        assertThat(checks).extracting(SetupCheck::result).containsExactly(Result.PASS, Result.PASS);
        assertThat(body(requests().get(1)))
                .isEqualTo(JSON.readTree("{\"model\": \"gpt-5-mini\", \"input\": \"ping\", \"max_output_tokens\": 16,"
                        + " \"store\": false, \"reasoning\": {\"effort\": \"low\"}}"));
    }

    @Test
    void rejectedKey_isOneFailure_andNothingElseIsTried() {
        server.enqueue(status(401, "error-401.json"));

        List<SetupCheck> checks = check(settings().withVectorStore(STORE).withPrompt(PROMPT, null));

        assertThat(checks)
                .containsExactly(SetupCheck.fail(
                        OpenAiDoctor.KEY_AND_MODEL,
                        "OpenAI rejected OPENAI_API_KEY: create a key at platform.openai.com/api-keys"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void restrictedKey_thatCannotListModels_butAnswers_passes_andNoKeyIsPrinted() {
        server.enqueue(status(401, "doctor/error-401-missing-scope.json"));
        server.enqueue(ok("response-text.json"));

        List<SetupCheck> checks = check(settings());

        assertThat(checks).extracting(SetupCheck::result).containsExactly(Result.PASS, Result.PASS);
        assertThat(checks.get(0).message())
                .startsWith("key accepted, model gpt-4.1-mini answered (its details could not be read: HTTP 401")
                .contains("Missing scopes: api.model.read");
    }

    @Test
    void restrictedKey_thatMayNotAnswer_fails_withWhatPermissionToGive() {
        server.enqueue(status(401, "doctor/error-401-missing-scope.json"));
        server.enqueue(status(401, "doctor/error-401-missing-scope.json"));

        List<SetupCheck> checks = check(settings().withVectorStore(STORE));

        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).result()).isEqualTo(Result.FAIL);
        assertThat(checks.get(0).message())
                .startsWith("OpenAI refused OPENAI_API_KEY (HTTP 401")
                .contains("platform.openai.com/api-keys");
    }

    @Test
    void aKeyOpenAiQuotesInAMessage_isNeverPrinted() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(json(
                400,
                "{\"error\": {\"message\": \"Bad key sk-proj-abc***WXYZ for this\","
                        + " \"type\": \"invalid_request_error\", \"param\": \"model\", \"code\": \"invalid_value\"}}"));

        List<SetupCheck> checks = check(settings());

        assertThat(checks.get(1).result()).isEqualTo(Result.FAIL);
        assertThat(checks.get(1).message()).contains("sk-…").doesNotContain("WXYZ");
        assertThat(checks).allSatisfy(c -> assertThat(c.message()).doesNotContain(API_KEY));
    }

    @Test
    void regionNotServed_isOneFailure() {
        server.enqueue(status(403, "doctor/error-403-region.json"));

        List<SetupCheck> checks = check(settings());

        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).result()).isEqualTo(Result.FAIL);
        assertThat(checks.get(0).message())
                .contains("unsupported_country_region_territory")
                .contains("platform.openai.com/docs/supported-countries");
    }

    @Test
    void insufficientQuota_failsTheTestAnswer_withWhereToAddCredit() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(status(429, "error-429-insufficient-quota.json"));

        List<SetupCheck> checks = check(settings());

        assertThat(checks).extracting(SetupCheck::result).containsExactly(Result.PASS, Result.FAIL);
        assertThat(checks.get(1).name()).isEqualTo(OpenAiDoctor.TEST_ANSWER);
        assertThat(checks.get(1).message())
                .startsWith("quota exhausted: add credit at platform.openai.com/settings/organization/billing");
    }

    @Test
    void rateLimit_isOnlyAWarning() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(status(429, "error-429-rate-limit.json"));

        List<SetupCheck> checks = check(settings());

        assertThat(checks).extracting(SetupCheck::result).containsExactly(Result.PASS, Result.WARN);
        assertThat(checks.get(1).message()).contains("rate-limiting").contains("tokens/rate_limit_exceeded");
    }

    @Test
    void overloaded_isAWarningToTryAgain() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(status(503, "error-503-overloaded.json"));

        List<SetupCheck> checks = check(settings());

        assertThat(checks).extracting(SetupCheck::result).containsExactly(Result.PASS, Result.WARN);
        assertThat(checks.get(1).message()).contains("HTTP 503").contains("status.openai.com");
    }

    @Test
    void unknownModel_fails_withTheSettingToChange_skipsTheTestAnswer_butStillChecksTheStore() {
        server.enqueue(status(404, "doctor/error-404-model.json"));
        server.enqueue(ok("doctor/vector-store-ready.json"));

        List<SetupCheck> checks = check(settings().withModel("gpt-4.1-mimi").withVectorStore(STORE));

        assertThat(checks)
                .extracting(SetupCheck::name, SetupCheck::result)
                .containsExactly(
                        tuple(OpenAiDoctor.KEY_AND_MODEL, Result.FAIL), tuple(OpenAiDoctor.VECTOR_STORE, Result.PASS));
        assertThat(checks.get(0).message())
                .isEqualTo("model 'gpt-4.1-mimi' not available to this key: set OPENAI_MODEL to e.g. gpt-4.1 or"
                        + " gpt-4.1-mini");
        assertThat(requests())
                .extracting(RecordedRequest::getTarget)
                .containsExactly("/v1/models/gpt-4.1-mimi", "/v1/vector_stores/" + STORE);
    }

    @Test
    void vectorStoreMissing_fails_withTheUploadCommand() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(ok("response-text.json"));
        server.enqueue(status(404, "knowledge/error-404-vector-store.json"));

        List<SetupCheck> checks = check(settings().withVectorStore("vs_missing"));

        SetupCheck store = checks.get(2);
        assertThat(store.name()).isEqualTo(OpenAiDoctor.VECTOR_STORE);
        assertThat(store.result()).isEqualTo(Result.FAIL);
        assertThat(store.message()).startsWith("OPENAI_VECTOR_STORE_ID not found: run " + UPLOAD);
    }

    @Test
    void vectorStoreWithoutProcessedFiles_warns() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(ok("response-text.json"));
        server.enqueue(ok("knowledge/vector-store.json"));

        SetupCheck store = check(settings().withVectorStore(STORE)).get(2);

        assertThat(store.result()).isEqualTo(Result.WARN);
        assertThat(store.message())
                .isEqualTo(
                        "vector store 'Ceramiche Bellini' (" + STORE + ") has no searchable documents: run " + UPLOAD);
    }

    @Test
    void expiredVectorStore_fails() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(ok("response-text.json"));
        server.enqueue(ok("doctor/vector-store-expired.json"));

        SetupCheck store = check(settings().withVectorStore(STORE)).get(2);

        assertThat(store.result()).isEqualTo(Result.FAIL);
        assertThat(store.message()).contains("has expired").contains(UPLOAD);
    }

    @Test
    void storedPrompt_thatStillAnswers_warnsOfTheShutdown_andIsTestedWithItsIdAndVersion() throws Exception {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(ok("response-text.json"));
        server.enqueue(ok("response-text.json"));

        List<SetupCheck> checks = check(settings().withPrompt(PROMPT, "3"));

        assertThat(checks).extracting(SetupCheck::result).containsExactly(Result.PASS, Result.PASS, Result.WARN);
        assertThat(checks.get(2).name()).isEqualTo(OpenAiDoctor.STORED_PROMPT);
        assertThat(checks.get(2).message())
                .contains("2026-11-30")
                .contains("DATA_DIR/instructions.txt")
                .contains("remove OPENAI_PROMPT_ID");
        JsonNode prompt = body(requests().get(2)).get("prompt");
        assertThat(prompt).isEqualTo(JSON.readTree("{\"id\": \"" + PROMPT + "\", \"version\": \"3\"}"));
    }

    @Test
    void storedPrompt_thatIsGone_warnsToRemoveIt() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(ok("response-text.json"));
        server.enqueue(status(404, "doctor/error-404-prompt.json"));

        SetupCheck prompt = check(settings().withPrompt(PROMPT, null)).get(2);

        assertThat(prompt.result()).isEqualTo(Result.WARN);
        assertThat(prompt.message()).startsWith("the stored prompt '" + PROMPT + "' is gone: remove OPENAI_PROMPT_ID");
    }

    @Test
    void storedPrompt_isNotTested_whenNoTestAnswerWorks() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(status(429, "error-429-insufficient-quota.json"));

        List<SetupCheck> checks = check(settings().withPrompt(PROMPT, null));

        assertThat(checks).extracting(SetupCheck::result).containsExactly(Result.PASS, Result.FAIL, Result.WARN);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void noNetwork_isOneFailure_namingTheHost() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        var settings =
                settings().withBaseUrl("http://127.0.0.1:" + port + "/v1").withVectorStore(STORE);

        List<SetupCheck> checks = check(settings);

        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).name()).isEqualTo(OpenAiDoctor.CONNECTION);
        assertThat(checks.get(0).result()).isEqualTo(Result.FAIL);
        assertThat(checks.get(0).message())
                .startsWith("cannot reach 127.0.0.1:" + port
                        + ": check the internet connection/proxy or OPENAI_BASE_URL (");
    }

    @Test
    void networkLostHalfway_keepsWhatWasLearnt_andEndsWithOneFailure() {
        server.enqueue(ok("doctor/model-gpt-4.1-mini.json"));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        var settings = settings().withTimeouts(null, Duration.ofMillis(200), null);

        List<SetupCheck> checks = check(settings);

        assertThat(checks)
                .extracting(SetupCheck::name, SetupCheck::result)
                .containsExactly(
                        tuple(OpenAiDoctor.KEY_AND_MODEL, Result.PASS), tuple(OpenAiDoctor.CONNECTION, Result.FAIL));
    }

    @Test
    void baseUrlThatIsNoUrl_fails_withoutACall() {
        List<SetupCheck> checks = check(settings().withBaseUrl("api.openai.com/v1"));

        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).result()).isEqualTo(Result.FAIL);
        assertThat(checks.get(0).message()).startsWith("OPENAI_BASE_URL ('api.openai.com/v1') is not an http(s) URL");
        assertThat(server.getRequestCount()).isZero();
    }

    private List<RecordedRequest> requests() {
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            try {
                requests.add(server.takeRequest());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return requests;
    }

    private static JsonNode body(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().utf8());
    }

    private static MockResponse ok(String fixture) {
        return status(200, fixture);
    }

    private static MockResponse status(int code, String fixture) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_0123456789abcdef0123456789abcdef")
                .body(read(fixture))
                .build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static String read(String name) {
        try (InputStream in = OpenAiDoctorTest.class.getResourceAsStream("/fixtures/openai/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

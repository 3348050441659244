package sportello.whatsapp.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static sportello.whatsapp.doctor.DoctorGraph.error;
import static sportello.whatsapp.doctor.DoctorGraph.fixture;
import static sportello.whatsapp.doctor.DoctorGraph.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.ports.out.SetupCheck;
import sportello.ports.out.SetupCheck.Result;
import sportello.whatsapp.TestSettings;
import sportello.whatsapp.WhatsAppSettings;

class WhatsAppDoctorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SUBSCRIBE_COMMAND = "curl -X POST"
            + " 'https://graph.facebook.com/v26.0/<WABA_ID>/subscribed_apps' -H 'Authorization: Bearer <token>'";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final DoctorGraph graph = new DoctorGraph();
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void answerAsGraph() {
        server.setDispatcher(graph);
    }

    @Test
    void rightSetup_passesEveryCheckAndAsksGraphWithTheBearerToken() throws Exception {
        List<SetupCheck> checks = check();

        assertThat(checks)
                .extracting(SetupCheck::name, SetupCheck::result)
                .containsExactly(
                        tuple(WhatsAppDoctor.CONNECTION, Result.PASS),
                        tuple(WhatsAppDoctor.TOKEN, Result.PASS),
                        tuple(WhatsAppDoctor.PHONE, Result.PASS),
                        tuple(WhatsAppDoctor.SUBSCRIPTION, Result.PASS));
        assertThat(message(checks, WhatsAppDoctor.TOKEN))
                .isEqualTo("Valid system-user token of app 1234567890123456; it never expires and has the"
                        + " permissions whatsapp_business_messaging and whatsapp_business_management.");
        assertThat(message(checks, WhatsAppDoctor.PHONE))
                .isEqualTo("WHATSAPP_PHONE_ID 106540352242922 is +39 02 1234 5678 (\"Bottega Rossi\"), quality"
                        + " rating GREEN.");
        assertThat(message(checks, WhatsAppDoctor.SUBSCRIPTION))
                .contains("Sportello is subscribed to WhatsApp Business Account 184932760215487");

        List<RecordedRequest> requests = requests();
        assertThat(requests)
                .extracting(request -> request.getUrl().encodedPath())
                .containsExactly(DoctorGraph.DEBUG_TOKEN, DoctorGraph.PHONE, DoctorGraph.SUBSCRIBED_APPS);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.ACCESS_TOKEN);
        });
        assertThat(requests.get(0).getUrl().queryParameter("input_token")).isEqualTo(TestSettings.ACCESS_TOKEN);
        assertThat(requests.get(1).getUrl().queryParameter("fields"))
                .isEqualTo("display_phone_number,verified_name,quality_rating,code_verification_status");
    }

    @Test
    void expiredToken190_failsWithHowToMakeANewOneAndChecksNothingElse() {
        graph.answer(DoctorGraph.DEBUG_TOKEN, fixture(400, "error-190-expired.response.json"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.TOKEN))
                .startsWith("The access token is expired or revoked: create a new system-user token in Meta"
                        + " Business Suite → Business settings → Users → System users")
                .contains("expiry Never", "set WHATSAPP_ACCESS_TOKEN to it", "[Graph error 190: Error validating");
        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.PHONE)).startsWith("Not checked: the access token");
        assertThat(result(checks, WhatsAppDoctor.SUBSCRIPTION)).isEqualTo(Result.WARN);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void tokenThatDebugTokenCallsInvalid_fails() {
        graph.debugToken(data -> {
            data.put("is_valid", false);
            data.putObject("error")
                    .put("code", 190)
                    .put("message", "The session has been invalidated because the user changed their password.");
        });

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.TOKEN))
                .startsWith("The access token is expired or revoked: create a new system-user token")
                .endsWith("[Meta says: The session has been invalidated because the user changed their password.]");
        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.WARN);
    }

    @Test
    void tokenExpiringIn3Days_warnsWithTheDate() {
        graph.debugToken(
                data -> data.put("expires_at", NOW.plus(Duration.ofDays(3)).getEpochSecond()));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.TOKEN))
                .startsWith("The access token expires on 2026-11-28 10:00 UTC (in 3 days)")
                .contains("To fix: create a new system-user token", "expiry Never", "WHATSAPP_ACCESS_TOKEN");
        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.PASS);
        assertThat(result(checks, WhatsAppDoctor.SUBSCRIPTION)).isEqualTo(Result.PASS);
    }

    @Test
    void temporaryUserTokenExpiringToday_warnsThatSuchTokensAlwaysExpire() {
        graph.debugToken(data -> data.put("type", "USER")
                .put("expires_at", NOW.plus(Duration.ofHours(5)).getEpochSecond()));

        assertThat(message(check(), WhatsAppDoctor.TOKEN))
                .startsWith("The access token expires on 2026-11-25 15:00 UTC (in 5 hours)")
                .contains("personal user token (like the temporary one in WhatsApp → API Setup)");
    }

    @Test
    void tokenPastItsExpiry_failsAndChecksNothingElse() {
        graph.debugToken(
                data -> data.put("expires_at", NOW.minus(Duration.ofHours(1)).getEpochSecond()));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.TOKEN))
                .startsWith("The access token expired on 2026-11-25 09:00 UTC");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void tokenExpiringInTwoMonths_passesAndNamesTheDate() {
        graph.debugToken(
                data -> data.put("expires_at", NOW.plus(Duration.ofDays(60)).getEpochSecond()));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.PASS);
        assertThat(message(checks, WhatsAppDoctor.TOKEN)).contains("expires on 2027-01-24 10:00 UTC");
    }

    @Test
    void tokenWithoutTheMessagingPermission_fails() {
        graph.debugToken(data -> data.putArray("scopes").add("whatsapp_business_management"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.TOKEN))
                .startsWith("The access token lacks the whatsapp_business_messaging permission, so Sportello cannot"
                        + " send messages. To fix: create a new system-user token")
                .contains("WHATSAPP_ACCESS_TOKEN");
        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.PASS);
    }

    @Test
    void tokenWithoutTheManagementPermission_warns() {
        graph.debugToken(data -> data.putArray("scopes").add("whatsapp_business_messaging"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.TOKEN))
                .startsWith("The access token lacks the whatsapp_business_management permission, which message"
                        + " templates and the check of the WhatsApp Business Account subscription need.");
    }

    @Test
    void tokenThatMayNotInspectItself_fallsBackToMeAndWarns() {
        graph.answer(
                DoctorGraph.DEBUG_TOKEN,
                error(400, 100, "(#100) The App_id in the input_token did not match the Viewing App"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.TOKEN))
                .startsWith("The access token works, but Meta would not tell Sportello when it expires")
                .contains("[Graph error 100: The App_id in the input_token", "Access Token Debugger");
        assertThat(requests())
                .extracting(request -> request.getUrl().encodedPath())
                .containsExactly(
                        DoctorGraph.DEBUG_TOKEN, DoctorGraph.ME, DoctorGraph.PHONE, DoctorGraph.SUBSCRIBED_APPS);
    }

    @Test
    void tokenRefusedByMeAfterDebugTokenWasRefused_fails() {
        graph.answer(DoctorGraph.DEBUG_TOKEN, error(400, 100, "(#100) You must provide an app access token"));
        graph.answer(DoctorGraph.ME, fixture(401, "error-190.response.json"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.TOKEN)).startsWith("The access token is expired or revoked:");
    }

    @Test
    void tokenWithQuotesOrSpaces_failsWithoutAskingGraph() {
        var settings = new WhatsAppSettings(
                server.url("/").toString(),
                "v26.0",
                TestSettings.PHONE_NUMBER_ID,
                "\"" + TestSettings.ACCESS_TOKEN + "\"",
                TestSettings.APP_SECRET,
                TestSettings.VERIFY_TOKEN);

        List<SetupCheck> checks = doctor(settings, DoctorGraph.WABA_ID, http).check();

        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.TOKEN)).startsWith("WHATSAPP_ACCESS_TOKEN contains a space");
        assertThat(checks).extracting(SetupCheck::name).doesNotContain(WhatsAppDoctor.CONNECTION);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void wrongPhoneNumberId_failsAndSaysWhereToCopyIt() {
        graph.answer(DoctorGraph.PHONE, fixture(400, "error-100-unknown-object.response.json"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.PHONE))
                .startsWith("WHATSAPP_PHONE_ID (106540352242922) is not a phone number id this token can use: copy"
                        + " the Phone number ID (the id, not the phone number itself) from WhatsApp → API Setup")
                .contains("Assign assets", "[Graph error 100: Unsupported get request.");
        assertThat(result(checks, WhatsAppDoctor.TOKEN)).isEqualTo(Result.PASS);
        assertThat(result(checks, WhatsAppDoctor.SUBSCRIPTION)).isEqualTo(Result.PASS);
    }

    @Test
    void phoneNumberWithRedQuality_warns() {
        graph.phoneNumber(number -> number.put("quality_rating", "RED"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.PHONE))
                .contains("quality rating RED.", "Its quality rating is RED", "WhatsApp Manager");
    }

    @Test
    void unverifiedPhoneNumber_warns() {
        graph.phoneNumber(number -> number.put("code_verification_status", "NOT_VERIFIED"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.PHONE)).contains("Its verification status is NOT_VERIFIED");
    }

    @Test
    void phoneNumberTheTokenMayNotRead_failsWithAssignAssets() {
        graph.answer(DoctorGraph.PHONE, error(403, 200, "(#200) Permissions error"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.PHONE))
                .startsWith("The access token may not read phone number 106540352242922")
                .contains("Assign assets → WhatsApp accounts", "[Graph error 200: Permissions error]");
    }

    @Test
    void wabaWithoutSubscribedApps_failsWithTheCurlCommand() {
        graph.answer(DoctorGraph.SUBSCRIBED_APPS, json(200, "{\"data\":[]}"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.SUBSCRIPTION)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.SUBSCRIPTION))
                .startsWith("No app is subscribed to WhatsApp Business Account 184932760215487, so Meta sends none"
                        + " of the number's messages to Sportello.")
                .contains(SUBSCRIBE_COMMAND, "<WABA_ID> is WHATSAPP_ACCOUNT_ID (184932760215487)");
    }

    @Test
    void wabaSubscribedToAnotherApp_warnsWithTheCurlCommand() {
        graph.answer(DoctorGraph.SUBSCRIBED_APPS, json(200, """
                {"data":[{"whatsapp_business_api_data":{"link":"https://www.facebook.com/games/?app_id=777",\
                "name":"Old chatbot","id":"777"}}]}"""));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.SUBSCRIPTION)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.SUBSCRIPTION))
                .contains("sends its messages to Old chatbot", "(app 1234567890123456)", SUBSCRIBE_COMMAND);
    }

    @Test
    void noAccountId_warnsAndDoesNotAskForTheSubscription() {
        List<SetupCheck> checks = doctor(settings(), " ", http).check();

        assertThat(result(checks, WhatsAppDoctor.SUBSCRIPTION)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.SUBSCRIPTION))
                .startsWith("WHATSAPP_ACCOUNT_ID is not set, so doctor cannot check")
                .contains("WhatsApp → API Setup");
        assertThat(requests())
                .extracting(request -> request.getUrl().encodedPath())
                .doesNotContain(DoctorGraph.SUBSCRIBED_APPS);
    }

    @Test
    void wrongAccountId_fails() {
        graph.answer(DoctorGraph.SUBSCRIBED_APPS, fixture(400, "error-100-unknown-object.response.json"));

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.SUBSCRIPTION)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.SUBSCRIPTION))
                .startsWith("WHATSAPP_ACCOUNT_ID (184932760215487) is not a WhatsApp Business Account id this token"
                        + " can use: copy the WhatsApp Business Account ID");
    }

    @Test
    void noNetwork_isOneFailedCheckThatSaysWhatToCheck() {
        OkHttpClient noDns = http.newBuilder()
                .dns(host -> {
                    throw new UnknownHostException(host);
                })
                .build();
        var settings = new WhatsAppSettings(
                WhatsAppSettings.GRAPH_BASE_URL,
                "v26.0",
                TestSettings.PHONE_NUMBER_ID,
                TestSettings.ACCESS_TOKEN,
                TestSettings.APP_SECRET,
                TestSettings.VERIFY_TOKEN);

        List<SetupCheck> checks = doctor(settings, DoctorGraph.WABA_ID, noDns).check();

        assertThat(checks).hasSize(1);
        SetupCheck connection = checks.get(0);
        assertThat(connection.name()).isEqualTo(WhatsAppDoctor.CONNECTION);
        assertThat(connection.result()).isEqualTo(Result.FAIL);
        assertThat(connection.message())
                .startsWith("Sportello cannot reach graph.facebook.com [UnknownHostException: graph.facebook.com]:"
                        + " check the internet connection/proxy of this server")
                .doesNotContain("WHATSAPP_API_BASE_URL");
        assertNoSecrets(checks);
    }

    @Test
    void connectionRefused_isOneFailedCheckNamingTheBaseUrlOverride() {
        var settings = settings();
        server.close();

        List<SetupCheck> checks = doctor(settings, DoctorGraph.WABA_ID, http).check();

        assertThat(checks).singleElement().satisfies(connection -> {
            assertThat(connection.result()).isEqualTo(Result.FAIL);
            assertThat(connection.message()).contains("cannot reach", "WHATSAPP_API_BASE_URL is set to http://");
        });
    }

    @Test
    void metaServerTrouble_warnsToRunDoctorAgain() {
        graph.answer(DoctorGraph.PHONE, error(500, 2, "Service temporarily unavailable"));
        graph.answer(
                DoctorGraph.SUBSCRIBED_APPS,
                new MockResponse.Builder().code(503).body("upstream down").build());

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.PHONE))
                .contains("[Graph error 2: Service temporarily unavailable]", "Run doctor again");
        assertThat(result(checks, WhatsAppDoctor.SUBSCRIPTION)).isEqualTo(Result.WARN);
        assertThat(message(checks, WhatsAppDoctor.SUBSCRIPTION)).contains("[HTTP 503, no Graph error code]");
    }

    @Test
    void answerThatIsNotGraph_failsAndPointsAtTheBaseUrl() {
        graph.answer(
                DoctorGraph.PHONE,
                new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "text/html")
                        .body("<html>Proxy login</html>")
                        .build());

        List<SetupCheck> checks = check();

        assertThat(result(checks, WhatsAppDoctor.PHONE)).isEqualTo(Result.FAIL);
        assertThat(message(checks, WhatsAppDoctor.PHONE))
                .contains("did not answer like Meta's Graph API", "WHATSAPP_API_BASE_URL");
    }

    @Test
    void secretsEchoedByGraph_neverReachAMessage() {
        graph.answer(
                DoctorGraph.PHONE,
                error(
                        400,
                        100,
                        "Bad token " + TestSettings.ACCESS_TOKEN + " with secret " + TestSettings.APP_SECRET + " and "
                                + TestSettings.VERIFY_TOKEN));

        List<SetupCheck> checks = check();

        assertThat(message(checks, WhatsAppDoctor.PHONE)).contains("Bad token *** with secret *** and ***");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private List<SetupCheck> check() {
        return doctor(settings(), DoctorGraph.WABA_ID, http).check();
    }

    private WhatsAppDoctor doctor(WhatsAppSettings settings, String accountId, OkHttpClient client) {
        return new WhatsAppDoctor(settings, accountId, client, mapper, InstantSource.fixed(NOW));
    }

    private WhatsAppSettings settings() {
        return TestSettings.at(server.url("/").toString());
    }

    private List<RecordedRequest> requests() {
        List<RecordedRequest> requests = new ArrayList<>();
        try {
            for (RecordedRequest request; (request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null; ) {
                requests.add(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return requests;
    }

    private static Result result(List<SetupCheck> checks, String name) {
        return only(checks, name).result();
    }

    private static String message(List<SetupCheck> checks, String name) {
        assertNoSecrets(checks);
        return only(checks, name).message();
    }

    private static SetupCheck only(List<SetupCheck> checks, String name) {
        return checks.stream()
                .filter(check -> check.name().equals(name))
                .reduce((a, b) -> {
                    throw new AssertionError("two checks named " + name + ": " + checks);
                })
                .orElseThrow(() -> new AssertionError("no check named " + name + " in " + checks));
    }

    private static void assertNoSecrets(List<SetupCheck> checks) {
        assertThat(checks)
                .extracting(SetupCheck::message)
                .allSatisfy(message -> assertThat(message)
                        .doesNotContain(TestSettings.ACCESS_TOKEN, TestSettings.APP_SECRET, TestSettings.VERIFY_TOKEN));
    }
}

package sportello.whatsapp.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import sportello.whatsapp.Fixtures;
import sportello.whatsapp.TestSettings;

/**
 * The four Graph API reads of {@link WhatsAppDoctor} as MockWebServer answers them; by default a setup with nothing
 * wrong. Tests replace one answer at a time.
 *
 * <p>Where the fixture shapes come from (they are written, not captured, and hold no real ids or tokens):
 *
 * <ul>
 *   <li>{@code debug-token.response.json}: {@code GET /debug_token}, developers.facebook.com/docs/graph-api/reference/
 *       debug_token. The field names ({@code data.app_id}, {@code type}, {@code application},
 *       {@code data_access_expires_at}, {@code expires_at} with 0 for "never", {@code is_valid}, {@code issued_at},
 *       {@code scopes}, {@code user_id}) are those of the example answers found by the docs search for that
 *       endpoint; {@code type} {@code SYSTEM_USER} and {@code granular_scopes} with the WABA id in
 *       {@code target_ids} are from memory of Meta's documentation, not checked against a captured answer.
 *   <li>{@code phone-number.response.json}: {@code GET /{phone-number-id}?fields=...} with the fields of the WhatsApp
 *       Business Phone Number node ({@code quality_rating} GREEN/YELLOW/RED/UNKNOWN, {@code code_verification_status}
 *       VERIFIED/NOT_VERIFIED/EXPIRED), as the docs search lists them for Meta's reference.
 *   <li>{@code subscribed-apps.response.json}: {@code GET /{waba-id}/subscribed_apps}. The reference found by the docs
 *       search shows only {@code {"data": [], "paging": ...}}; the entry {@code whatsapp_business_api_data} with
 *       {@code link}, {@code name} and {@code id} is from memory of Meta's "get subscribed apps" example.
 *   <li>{@code error-100-unknown-object.response.json} and {@code error-190-expired.response.json}: Graph's error
 *       object, from memory of real answers ({@code GraphMethodException} 100 subcode 33 for an id that does not
 *       exist or may not be read; {@code OAuthException} 190 subcode 463 for an expired session).
 * </ul>
 */
final class DoctorGraph extends Dispatcher {

    static final String WABA_ID = "184932760215487";
    static final String APP_ID = "1234567890123456";

    static final String DEBUG_TOKEN = "/v26.0/debug_token";
    static final String ME = "/v26.0/me";
    static final String PHONE = "/v26.0/" + TestSettings.PHONE_NUMBER_ID;
    static final String SUBSCRIBED_APPS = "/v26.0/" + WABA_ID + "/subscribed_apps";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, MockResponse> answers = new ConcurrentHashMap<>(Map.of(
            DEBUG_TOKEN, fixture(200, "debug-token.response.json"),
            PHONE, fixture(200, "phone-number.response.json"),
            SUBSCRIBED_APPS, fixture(200, "subscribed-apps.response.json"),
            ME, json(200, "{\"name\":\"Sportello\",\"id\":\"122100458736291804\"}")));

    void answer(String path, MockResponse response) {
        answers.put(path, response);
    }

    /** The debug_token fixture with its {@code data} changed by {@code edit}. */
    void debugToken(Consumer<ObjectNode> edit) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(Fixtures.text("debug-token.response.json"));
            edit.accept((ObjectNode) tree.path("data"));
            answer(DEBUG_TOKEN, json(200, MAPPER.writeValueAsString(tree)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The phone number fixture with its fields changed by {@code edit}. */
    void phoneNumber(Consumer<ObjectNode> edit) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(Fixtures.text("phone-number.response.json"));
            edit.accept(tree);
            answer(PHONE, json(200, MAPPER.writeValueAsString(tree)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse answer = answers.get(request.getUrl().encodedPath());
        return answer != null
                ? answer
                : json(
                        404,
                        "{\"error\":{\"message\":\"DoctorGraph has no answer for " + request.getTarget()
                                + "\",\"type\":\"Test\",\"code\":999999}}");
    }

    static MockResponse fixture(int status, String name) {
        return json(status, Fixtures.text(name));
    }

    /** Graph's error object for {@code code}, as in the {@code error-*.response.json} fixtures. */
    static MockResponse error(int status, int code, String message) {
        return json(status, """
                {"error":{"message":"%s","type":"OAuthException","code":%d,"fbtrace_id":"AbCdEfGhIjKlMnOpQrStUv1"}}\
                """.formatted(message, code));
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}

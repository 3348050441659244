package sportello.whatsapp.outbound;

import mockwebserver3.MockResponse;
import sportello.whatsapp.Fixtures;

/** Graph API answers for MockWebServer: captured fixtures, or the same shapes for codes without one. */
final class GraphAnswers {

    private GraphAnswers() {}

    static MockResponse fixture(int status, String name) {
        return json(status, Fixtures.text(name));
    }

    /** The accepted-send shape of {@code send-text.response.json} with the given message id. */
    static MockResponse accepted(String wamid) {
        return json(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"393331234567","wa_id":"393331234567"}],\
                "messages":[{"id":"%s"}]}""".formatted(wamid));
    }

    /** The error shape of the {@code error-*.response.json} fixtures, for a code that has no fixture. */
    static MockResponse error(int status, int code) {
        return json(status, errorBody(code));
    }

    static String errorBody(int code) {
        return """
                {"error":{"message":"(#%d) Error title","type":"OAuthException","code":%d,\
                "error_data":{"messaging_product":"whatsapp","details":"Details of error %d."},\
                "fbtrace_id":"AbCdEfGhIjKlMnOpQrStUv1"}}""".formatted(code, code, code);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}

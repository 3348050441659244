package sportello.whatsapp.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import sportello.whatsapp.Fixtures;

/**
 * Graph's answers to {@code GET /{waba-id}/message_templates} for MockWebServer. There is no captured fixture for this
 * call: {@code message-templates.response.json} and {@code message-templates-page-2.response.json} follow the example
 * responses on Meta's "Template management" page (developers.facebook.com/documentation/business-messaging/whatsapp/
 * templates/template-management): {@code data[]} of {name, parameter_format, components[{type, text, example}],
 * language, status, category, id}, then {@code paging.cursors.before/after} and, on all but the last page,
 * {@code paging.next}.
 */
final class TemplatePages {

    /** Page one: {@code aggiornamento_ordine} approved; a rejected, a pending and a paused template beside it. */
    static final String FIRST = "message-templates.response.json";

    /** Page two: the approved named-parameter {@code conferma_appuntamento} and {@code benvenuto} without values. */
    static final String SECOND = "message-templates-page-2.response.json";

    /**
     * Templates whose header and buttons need values: an image header with a quick reply and a link ending in a
     * placeholder, and a text header with a placeholder beside a fixed link (the shapes of Meta's same page).
     */
    static final String MEDIA = "message-templates-media.response.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TemplatePages() {}

    static MockResponse page(String fixture) {
        return json(200, Fixtures.text(fixture));
    }

    /** The page with {@code paging.next} set, as Graph sends it on every page but the last. */
    static MockResponse page(String fixture, String next) {
        ObjectNode json = tree(fixture);
        ((ObjectNode) json.path("paging")).put("next", next);
        return json(200, json.toString());
    }

    static String after(String fixture) {
        return tree(fixture).path("paging").path("cursors").path("after").asText();
    }

    static MockResponse error(int status, String fixture) {
        return json(status, Fixtures.text(fixture));
    }

    /** The error shape of the {@code error-*.response.json} fixtures, for a code that has no fixture. */
    static MockResponse graphError(int status, int code) {
        return json(status, """
                {"error":{"message":"(#%d) Error title","type":"OAuthException","code":%d,\
                "fbtrace_id":"AbCdEfGhIjKlMnOpQrStUv1"}}""".formatted(code, code));
    }

    private static ObjectNode tree(String fixture) {
        try {
            return (ObjectNode) MAPPER.readTree(Fixtures.bytes(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}

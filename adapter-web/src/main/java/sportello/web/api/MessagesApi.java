package sportello.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import sportello.ports.in.SendTemplate;
import sportello.ports.in.SendToCustomer;
import sportello.ports.in.SendToCustomer.Outcome;

/**
 * {@code POST /api/messages} with {@code {"to": "+39…" | "IT.…", "text": "…"}}, or {@code "template": {…}} instead
 * of {@code "text"} outside the 24-hour window: a message to a customer from a script or another system, by phone
 * number or WhatsApp user id. 202 with the outbox entry's id once queued; 409 when it cannot go out (a text outside
 * the 24-hour window, a template that is not approved), with the reason.
 */
public final class MessagesApi {

    static final String USAGE = "send {\"to\": \"+39 333 123 4567\", \"text\": \"…\"}, or outside the customer's"
            + " 24-hour window {\"to\": …, \"template\": {\"name\": \"…\", \"language\": \"it\", \"parameters\":"
            + " [\"…\"]}} (exactly one of \"text\" and \"template\"); \"to\" may also be the customer's WhatsApp"
            + " user id (IT.…)";

    private final SendToCustomer sendToCustomer;
    private final SendTemplate sendTemplate;

    public MessagesApi(SendToCustomer sendToCustomer, SendTemplate sendTemplate) {
        this.sendToCustomer = sendToCustomer;
        this.sendTemplate = sendTemplate;
    }

    public void send(Context ctx) {
        var body = ConversationApi.jsonBody(ctx);
        if (!body.isObject() || body.has("text") == body.has("template")) {
            throw new BadRequest(USAGE);
        }
        String to = recipient(body);
        var outcome = body.has("template")
                ? sendTemplate.sendTo(to, TemplateJson.read(body.path("template"), USAGE))
                : sendToCustomer.send(to, text(body));
        switch (outcome) {
            case Outcome.Queued queued -> QueuedAnswer.respond(ctx, queued);
            case Outcome.Refused(var reason) -> ApiErrors.respond(ctx, HttpStatus.CONFLICT, "not_sendable", reason);
        }
    }

    private static String recipient(JsonNode body) {
        var to = body.path("to");
        if (!to.isTextual() || to.asText().isBlank()) {
            throw new BadRequest(USAGE);
        }
        return to.asText();
    }

    private static String text(JsonNode body) {
        var text = body.path("text");
        if (!text.isTextual() || text.asText().isBlank()) {
            throw new BadRequest(USAGE);
        }
        return text.asText();
    }
}

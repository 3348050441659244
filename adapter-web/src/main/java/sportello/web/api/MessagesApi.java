package sportello.web.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import sportello.ports.in.SendToCustomer;

/**
 * {@code POST /api/messages} with {@code {"to": "+39…" | "IT.…", "text": "…"}}: a text to a customer from a script
 * or another system, by phone number or WhatsApp user id. 202 with the outbox entry's id once queued; 409 when it
 * cannot go out (outside the 24-hour window, say), with the reason.
 */
public final class MessagesApi {

    static final String USAGE = "send {\"to\": \"+39 333 123 4567\", \"text\": \"…\"}; \"to\" may also be the"
            + " customer's WhatsApp user id (IT.…)";

    private final SendToCustomer sendToCustomer;

    public MessagesApi(SendToCustomer sendToCustomer) {
        this.sendToCustomer = sendToCustomer;
    }

    public void send(Context ctx) {
        var body = ConversationApi.jsonBody(ctx);
        if (!body.isObject()) {
            throw new BadRequest(USAGE);
        }
        if (body.has("template")) {
            throw new BadRequest("templates are not supported by this version yet; send free text with \"text\""
                    + " while the customer's 24-hour window is open");
        }
        var to = body.path("to");
        var text = body.path("text");
        if (!to.isTextual()
                || to.asText().isBlank()
                || !text.isTextual()
                || text.asText().isBlank()) {
            throw new BadRequest(USAGE);
        }
        switch (sendToCustomer.send(to.asText(), text.asText())) {
            case SendToCustomer.Outcome.Queued(var conversation, var entry) ->
                ctx.status(HttpStatus.ACCEPTED)
                        .json(Map.of("id", entry.id(), "conversationId", conversation.value(), "status", "queued"));
            case SendToCustomer.Outcome.Refused(var reason) ->
                ApiErrors.respond(ctx, HttpStatus.CONFLICT, "not_sendable", reason);
        }
    }
}

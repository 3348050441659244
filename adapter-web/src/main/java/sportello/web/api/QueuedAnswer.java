package sportello.web.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import sportello.ports.in.SendToCustomer.Outcome;

/**
 * The answer once a message to a customer is queued, the same for a text and a template: 202, the outbox entry's
 * id (its delivery ticks show in the conversation) and the conversation it went into.
 */
final class QueuedAnswer {

    private QueuedAnswer() {}

    static void respond(Context ctx, Outcome.Queued queued) {
        ctx.status(HttpStatus.ACCEPTED)
                .json(Map.of(
                        "id",
                        queued.entry().id(),
                        "conversationId",
                        queued.conversation().value(),
                        "status",
                        "queued"));
    }
}

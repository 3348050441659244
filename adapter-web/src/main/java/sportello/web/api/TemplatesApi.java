package sportello.web.api;

import io.javalin.http.Context;
import sportello.domain.conversation.ConversationId;
import sportello.ports.in.SendTemplate;
import sportello.ports.in.SendToCustomer.Outcome;

/**
 * Approved WhatsApp templates, the only messages a customer receives once their 24-hour window has closed: {@code
 * GET /api/templates} lists them (503 when the channel cannot say), and {@code POST
 * /api/conversations/{id}/templates} queues one, 202 with the outbox entry like a staff reply, or 400 with the
 * reason it was refused (an unknown template, the wrong number of values).
 */
public final class TemplatesApi {

    static final String USAGE = "send {\"name\": \"aggiornamento_ordine\", \"language\": \"it\", \"parameters\":"
            + " [\"Giulia\", \"58213\"]} with one value per placeholder; GET /api/templates lists the approved"
            + " templates";

    private final SendTemplate templates;

    public TemplatesApi(SendTemplate templates) {
        this.templates = templates;
    }

    public void list(Context ctx) {
        ctx.json(templates.templates().stream().map(TemplateJson.Listed::of).toList());
    }

    public void send(Context ctx) {
        var message = TemplateJson.read(ConversationApi.jsonBody(ctx), USAGE);
        switch (templates.send(new ConversationId(ctx.pathParam("id")), message)) {
            case Outcome.Queued queued -> QueuedAnswer.respond(ctx, queued);
            case Outcome.Refused(var reason) -> throw new BadRequest(reason);
        }
    }
}

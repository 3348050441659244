package sportello.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.ports.in.ChangeMode;
import sportello.ports.in.QueryConversations;
import sportello.ports.in.SendStaffReply;
import sportello.ports.in.UnknownConversation;

/** {@code /api/conversations}: list, detail, staff reply and mode switch. */
public final class ConversationApi {

    private static final int DEFAULT_PAGE = 50;

    private final QueryConversations queries;
    private final SendStaffReply staffReply;
    private final ChangeMode changeMode;

    public ConversationApi(QueryConversations queries, SendStaffReply staffReply, ChangeMode changeMode) {
        this.queries = queries;
        this.staffReply = staffReply;
        this.changeMode = changeMode;
    }

    public void list(Context ctx) {
        int limit = intParam(ctx, "limit", DEFAULT_PAGE);
        int offset = intParam(ctx, "offset", 0);
        ctx.json(queries.list(limit, offset).stream()
                .map(ConversationJson.Summary::of)
                .toList());
    }

    public void detail(Context ctx) {
        var id = new ConversationId(ctx.pathParam("id"));
        var conversation = queries.byId(id).orElseThrow(() -> new UnknownConversation(id));
        ctx.json(ConversationJson.Detail.of(conversation, queries.schema()));
    }

    public void sendStaffReply(Context ctx) {
        var body = jsonBody(ctx);
        var text = body.path("text");
        if (!text.isTextual() || text.asText().isBlank()) {
            throw new BadRequest("send {\"text\": \"…\"} with the reply to send");
        }
        var entry = staffReply.send(new ConversationId(ctx.pathParam("id")), text.asText());
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("id", entry.id(), "status", "queued"));
    }

    public void changeMode(Context ctx) {
        var body = jsonBody(ctx);
        Mode mode;
        try {
            mode = Mode.valueOf(body.path("mode").asText(""));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("send {\"mode\": \"BOT\"} or {\"mode\": \"HUMAN\"}");
        }
        var changed = changeMode.change(new ConversationId(ctx.pathParam("id")), mode);
        ctx.json(Map.of("id", changed.id().value(), "mode", changed.mode().name()));
    }

    private static JsonNode jsonBody(Context ctx) {
        try {
            return ctx.bodyAsClass(JsonNode.class);
        } catch (RuntimeException e) {
            throw new BadRequest("the body is not valid JSON");
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("query parameter '" + name + "' must be a whole number, got '" + raw + "'");
        }
    }
}

package sportello.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.ports.in.ChangeMode;
import sportello.ports.in.EditProfile;
import sportello.ports.in.QueryConversations;
import sportello.ports.in.SendStaffReply;
import sportello.ports.in.UnknownConversation;
import sportello.ports.in.ViewMedia;

/** {@code /api/conversations}: list, detail, staff reply, mode switch and profile edit. */
public final class ConversationApi {

    private static final int DEFAULT_PAGE = 50;

    private final QueryConversations queries;
    private final SendStaffReply staffReply;
    private final ChangeMode changeMode;
    private final EditProfile editProfile;
    private final ViewMedia media;
    private final InstantSource clock;

    public ConversationApi(
            QueryConversations queries,
            SendStaffReply staffReply,
            ChangeMode changeMode,
            EditProfile editProfile,
            ViewMedia media,
            InstantSource clock) {
        this.queries = queries;
        this.staffReply = staffReply;
        this.changeMode = changeMode;
        this.editProfile = editProfile;
        this.media = media;
        this.clock = clock;
    }

    /** The JSON array of one page; {@code X-Total-Count} says how many match in all. */
    public void list(Context ctx) {
        int limit = intParam(ctx, "limit", DEFAULT_PAGE);
        int offset = intParam(ctx, "offset", 0);
        if (limit < 1 || offset < 0) {
            throw new BadRequest("'limit' must be at least 1 and 'offset' at least 0");
        }
        var now = clock.instant();
        var filters = ConversationFilters.from(ctx);
        var query = filters.query(now, limit, offset);
        ctx.header("X-Total-Count", String.valueOf(queries.count(query)));
        ctx.json(queries.list(query).stream()
                .map(s -> ConversationJson.Summary.of(s, now))
                .toList());
    }

    public void detail(Context ctx) {
        var id = new ConversationId(ctx.pathParam("id"));
        var conversation = queries.byId(id).orElseThrow(() -> new UnknownConversation(id));
        ctx.json(ConversationJson.Detail.of(conversation, queries.schema(), media));
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

    /**
     * {@code PUT /api/conversations/{id}/profile} with {@code {"fields": {"email": "…"}}}: all or nothing. An empty
     * string or null clears a field. Answers the profile, or 400 with the reason for each refused field.
     */
    public void editProfile(Context ctx) {
        var fields = jsonBody(ctx).path("fields");
        if (!fields.isObject()) {
            throw new BadRequest("send {\"fields\": {\"email\": \"…\"}} with the values to change;"
                    + " an empty string clears a field");
        }
        var values = new LinkedHashMap<String, String>();
        for (var field : fields.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                values.put(field.getKey(), "");
            } else if (value.isTextual()) {
                values.put(field.getKey(), value.asText());
            } else {
                throw new BadRequest("field '" + field.getKey() + "' must be a string (\"\" or null clears it)");
            }
        }
        var id = new ConversationId(ctx.pathParam("id"));
        switch (editProfile.edit(id, values)) {
            case EditProfile.Outcome.Saved(var saved) -> ctx.json(ConversationJson.Profile.of(saved, queries.schema()));
            case EditProfile.Outcome.Invalid(var errors) ->
                ctx.status(HttpStatus.BAD_REQUEST)
                        .json(Map.of(
                                "error",
                                "invalid_profile",
                                "message",
                                "Nothing was saved: some values were refused; see 'fields'.",
                                "fields",
                                errors));
        }
    }

    static JsonNode jsonBody(Context ctx) {
        try {
            JsonNode node = ctx.bodyAsClass(JsonNode.class);
            if (node == null) {
                throw new BadRequest("the body is empty; send a JSON object");
            }
            return node;
        } catch (BadRequest e) {
            throw e;
        } catch (Exception e) { // Jackson's parse errors arrive unchecked through Kotlin
            throw new BadRequest("the body is not valid JSON");
        }
    }

    static int intParam(Context ctx, String name, int fallback) {
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

package sportello.web.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import sportello.ports.in.ReceiveWebhook.Outcome;
import sportello.web.access.AccessControl;
import sportello.web.api.BadRequest;
import sportello.web.dashboard.Language;
import sportello.web.dashboard.Texts;

/**
 * The simulator's page and the JSON its script uses, plus {@code POST /api/demo/messages} for scripts. All are
 * staff routes, registered only in demo mode. A customer's message is stored through the simulator's webhook
 * path before the answer says so.
 */
public final class SimulatorRoutes {

    /** WhatsApp's own limit for a text message. */
    static final int MAX_TEXT = 4096;

    static final int MAX_NAME = 60;

    private final SimulatorChannel simulator;
    private final ObjectMapper json;

    public SimulatorRoutes(SimulatorChannel simulator, ObjectMapper json) {
        this.simulator = simulator;
        this.json = json;
    }

    /** {@code GET /simulator?chat=<digits>}. */
    public void page(Context ctx) {
        var t = Texts.of(Language.of(ctx));
        var visit = AccessControl.visit(ctx);
        String selected = Phones.digits(ctx.queryParam("chat")).orElse("");
        String here = "/simulator" + (selected.isEmpty() ? "" : "?chat=" + selected);
        ctx.render(
                "simulator.jte",
                Map.of(
                        "page",
                        new SimulatorPage(
                                t,
                                visit.csrfToken(),
                                visit.username(),
                                selected,
                                Language.IT.switchLink(here),
                                Language.EN.switchLink(here))));
    }

    /** {@code GET /simulator/chats}: every phone's chat, for the side list. */
    public void chats(Context ctx) {
        ctx.json(SimulatorJson.Chats.of(simulator.chats()));
    }

    /** {@code GET /simulator/chats/{phone}}: one chat with its messages, oldest first. */
    public void chat(Context ctx) {
        String phone = phone(ctx);
        var chat = simulator.chat(phone).orElseThrow(() -> new NoSuchChat(phone));
        ctx.json(SimulatorJson.ChatDetail.of(chat));
    }

    /** {@code POST /simulator/chats} {@code {"name": "Marco", "phone": "+39 338 765 4321"}}: a new customer. */
    public void open(Context ctx) {
        var body = body(ctx);
        String phone = Phones.digits(body.path("phone").asText(""))
                .orElseThrow(() -> new BadRequest("phone: a number such as +39 333 123 4567 (6 to 15 digits)"));
        String name = name(body);
        if (name == null) {
            throw new BadRequest("name: the customer's name, up to " + MAX_NAME + " characters");
        }
        var chat = simulator.open(phone, name);
        ctx.status(HttpStatus.CREATED).json(SimulatorJson.ChatSummary.of(chat));
    }

    /** {@code POST /simulator/chats/{phone}/messages} {@code {"text": "…"}}: the customer writes. */
    public void write(Context ctx) {
        String phone = phone(ctx);
        if (simulator.chat(phone).isEmpty()) {
            throw new NoSuchChat(phone);
        }
        var written = simulator.customerWrites(phone, null, text(body(ctx)));
        answer(ctx, written, SimulatorJson.MessageJson.of(written.message()));
    }

    /** {@code POST /simulator/chats/{phone}/read}: the chat is on screen; its messages are read now. */
    public void read(Context ctx) {
        String phone = phone(ctx);
        if (simulator.chat(phone).isEmpty()) {
            throw new NoSuchChat(phone);
        }
        ctx.json(Map.of("read", simulator.customerReads(phone)));
    }

    /**
     * {@code POST /api/demo/messages} {@code {"from": "+39 347 123 4567", "name": "Giulia", "text": "…"}}: a script
     * writes as a customer. The message shows on that customer's simulated phone too.
     */
    public void demoMessage(Context ctx) {
        var body = body(ctx);
        String phone = Phones.digits(body.path("from").asText(""))
                .orElseThrow(() ->
                        new BadRequest("send {\"from\": \"+39 347 123 4567\", \"name\": \"Giulia\", \"text\": \"…\"}"));
        var written = simulator.customerWrites(phone, name(body), text(body));
        answer(ctx, written, Map.of("status", "stored", "id", written.message().id()));
    }

    private static void answer(Context ctx, SimulatorChannel.Written written, Object stored) {
        switch (written.outcome()) {
            case Outcome.Stored ok -> ctx.status(HttpStatus.ACCEPTED).json(stored);
            case Outcome.NotStored(var reason) ->
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "not_stored", "message", reason));
            case Outcome.KeptUnreadable(var reason) -> throw new BadRequest(reason);
            case Outcome.Rejected(var reason) -> throw new BadRequest(reason);
        }
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw new BadRequest("send a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequest("send a JSON object");
        }
    }

    private static String text(JsonNode body) {
        String text = body.path("text").asText("");
        if (text.isBlank()) {
            throw new BadRequest("text: write something first");
        }
        if (text.length() > MAX_TEXT) {
            throw new BadRequest("text: at most " + MAX_TEXT + " characters, as on WhatsApp");
        }
        return text;
    }

    /** The name given, stripped; null when none (or one too long to be a name). */
    private static String name(JsonNode body) {
        String name = body.path("name").asText("").strip();
        return name.isEmpty() || name.length() > MAX_NAME ? null : name;
    }

    private static String phone(Context ctx) {
        String given = ctx.pathParam("phone");
        return Phones.digits(given).filter(given::equals).orElseThrow(() -> new NoSuchChat(given));
    }

    /** No simulated phone has this number. */
    public static final class NoSuchChat extends RuntimeException {
        NoSuchChat(String phone) {
            super("no simulated phone with number " + phone + "; create the customer first");
        }
    }
}

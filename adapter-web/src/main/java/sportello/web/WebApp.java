package sportello.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import sportello.ports.in.ChangeMode;
import sportello.ports.in.CheckHealth;
import sportello.ports.in.QueryConversations;
import sportello.ports.in.ReceiveWebhook;
import sportello.ports.in.SendStaffReply;
import sportello.ports.in.UnknownConversation;
import sportello.web.access.LocalNetworkOnly;
import sportello.web.api.ApiErrors;
import sportello.web.api.BadRequest;
import sportello.web.api.ConversationApi;
import sportello.web.demo.DemoRoutes;
import sportello.web.health.HealthRoute;
import sportello.web.webhook.WebhookRoutes;

/** Every HTTP route in one place: the public webhook, health, and the staff-only JSON API. */
public final class WebApp {

    /** Webhook bodies reach 3 MB (up to 1000 updates); leave room above that. */
    private static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    private final WebhookRoutes webhook;
    private final HealthRoute health;
    private final ConversationApi conversations;
    private final ObjectMapper json;
    private DemoRoutes demo;

    public WebApp(
            ReceiveWebhook webhook,
            CheckHealth health,
            QueryConversations queries,
            SendStaffReply staffReply,
            ChangeMode changeMode,
            ObjectMapper json) {
        this.webhook = new WebhookRoutes(webhook);
        this.health = new HealthRoute(health);
        this.conversations = new ConversationApi(queries, staffReply, changeMode);
        this.json = json;
    }

    /** Demo mode: customers' messages arrive through {@code POST /api/demo/messages} instead of WhatsApp. */
    public WebApp withDemoInbound(ReceiveWebhook demoInbound) {
        this.demo = new DemoRoutes(demoInbound);
        return this;
    }

    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(json, true));

            // the webhook port is usually exposed through a tunnel: only the webhook and health are public
            config.routes.before("/api/*", LocalNetworkOnly::check);

            config.routes.get("/webhook", webhook::handshake);
            config.routes.post("/webhook", webhook::receive);
            config.routes.get("/health", health::get);
            config.routes.get("/api/conversations", conversations::list);
            config.routes.get("/api/conversations/{id}", conversations::detail);
            config.routes.post("/api/conversations/{id}/messages", conversations::sendStaffReply);
            config.routes.put("/api/conversations/{id}/mode", conversations::changeMode);

            if (demo != null) {
                config.routes.post("/api/demo/messages", demo::customerWrites);
            }

            config.routes.exception(UnknownConversation.class, ApiErrors::notFound);
            config.routes.exception(BadRequest.class, ApiErrors::badRequest);
            config.routes.exception(LocalNetworkOnly.Refused.class, ApiErrors::forbidden);
            config.routes.exception(Exception.class, ApiErrors::internal);
        });
    }
}

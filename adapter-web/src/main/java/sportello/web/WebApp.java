package sportello.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.function.Supplier;
import sportello.ports.in.ChangeMode;
import sportello.ports.in.CheckHealth;
import sportello.ports.in.EditProfile;
import sportello.ports.in.ManageCustomerData;
import sportello.ports.in.OutsideServiceWindow;
import sportello.ports.in.QueryAnalytics;
import sportello.ports.in.QueryConversations;
import sportello.ports.in.ReceiveWebhook;
import sportello.ports.in.SendStaffReply;
import sportello.ports.in.SendTemplate;
import sportello.ports.in.SendToCustomer;
import sportello.ports.in.UnknownConversation;
import sportello.ports.in.ViewMedia;
import sportello.ports.out.Templates.TemplatesUnavailable;
import sportello.web.access.AccessControl;
import sportello.web.access.AccessDenied;
import sportello.web.access.LocalNetworkOnly;
import sportello.web.access.LoginRequired;
import sportello.web.access.SecurityHeaders;
import sportello.web.access.WebAccess;
import sportello.web.api.AnalyticsApi;
import sportello.web.api.ApiErrors;
import sportello.web.api.BadRequest;
import sportello.web.api.ConversationApi;
import sportello.web.api.CustomerDataApi;
import sportello.web.api.MediaApi;
import sportello.web.api.MessagesApi;
import sportello.web.api.TemplatesApi;
import sportello.web.api.UnknownMedia;
import sportello.web.dashboard.Dashboard;
import sportello.web.dashboard.ErrorPages;
import sportello.web.dashboard.JteRenderer;
import sportello.web.health.HealthRoute;
import sportello.web.live.EventsRoute;
import sportello.web.live.LiveUpdates;
import sportello.web.simulator.SimulatorChannel;
import sportello.web.simulator.SimulatorRoutes;
import sportello.web.webhook.WebhookRoutes;

/**
 * Every HTTP route in one place: the public webhook and health, and the staff-only dashboard and JSON API behind
 * {@link AccessControl}.
 */
public final class WebApp {

    /** Webhook bodies reach 3 MB (up to 1000 updates); leave room above that. */
    private static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    /** The driving ports the routes call. */
    public record UseCases(
            ReceiveWebhook webhook,
            CheckHealth health,
            QueryConversations conversations,
            SendStaffReply staffReply,
            ChangeMode changeMode,
            EditProfile editProfile,
            QueryAnalytics analytics,
            ManageCustomerData customerData,
            SendToCustomer sendToCustomer,
            ViewMedia media,
            SendTemplate templates) {}

    private final WebhookRoutes webhook;
    private final HealthRoute health;
    private final ConversationApi conversations;
    private final AnalyticsApi analytics;
    private final CustomerDataApi customerData;
    private final MessagesApi messages;
    private final MediaApi media;
    private final TemplatesApi templates;
    private final UseCases useCases;
    private final InstantSource clock;
    private final ZoneId zone;
    private final AccessControl access;
    private final LiveUpdates live;
    private final ErrorPages errors = new ErrorPages();
    private final ObjectMapper json;
    private SimulatorRoutes simulator;
    private Supplier<String> metrics;

    /**
     * @param live the same {@link LiveUpdates} the use cases report changes to
     * @param clock decides whether 24-hour windows are open, and when sessions expire
     * @param zone the business's time zone, for the times staff read
     */
    public WebApp(
            UseCases useCases,
            WebAccess access,
            LiveUpdates live,
            InstantSource clock,
            ZoneId zone,
            ObjectMapper json) {
        this.webhook = new WebhookRoutes(useCases.webhook());
        this.health = new HealthRoute(useCases.health());
        this.conversations = new ConversationApi(
                useCases.conversations(),
                useCases.staffReply(),
                useCases.changeMode(),
                useCases.editProfile(),
                useCases.media(),
                clock);
        this.analytics = new AnalyticsApi(useCases.analytics());
        this.customerData = new CustomerDataApi(useCases.customerData(), useCases.media(), clock, json);
        this.messages = new MessagesApi(useCases.sendToCustomer(), useCases.templates());
        this.media = new MediaApi(useCases.media());
        this.templates = new TemplatesApi(useCases.templates());
        this.access = new AccessControl(access, clock);
        this.useCases = useCases;
        this.clock = clock;
        this.zone = zone;
        this.live = live;
        this.json = json;
    }

    /**
     * Demo mode: the WhatsApp simulator at {@code /simulator}, and {@code POST /api/demo/messages} for scripts.
     * Customers' messages and the simulated phones' receipts go in through {@code inbound}, a {@link ReceiveWebhook}
     * reading {@link sportello.web.simulator.SimulatorWebhookReader}'s format, which this connects to the channel.
     */
    public WebApp withSimulator(SimulatorChannel channel, ReceiveWebhook inbound) {
        channel.connect(inbound);
        this.simulator = new SimulatorRoutes(channel, json);
        return this;
    }

    /**
     * {@code GET /metrics} in Prometheus' text format, from {@code scrape}. Guarded like {@code /api}: the local
     * network, or a bearer {@code API_TOKEN} for a scraper elsewhere.
     */
    public WebApp withMetrics(Supplier<String> scrape) {
        this.metrics = scrape;
        return this;
    }

    public Javalin create() {
        var dashboard = new Dashboard(
                useCases.conversations(),
                useCases.staffReply(),
                useCases.templates(),
                useCases.changeMode(),
                useCases.editProfile(),
                useCases.analytics(),
                useCases.customerData(),
                useCases.media(),
                access,
                clock,
                zone,
                json,
                simulator != null);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(json, true));
            config.fileRenderer(new JteRenderer());
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/sportello-static";
                files.location = Location.CLASSPATH;
            });
            config.events.serverStopping(live::disconnectAll);

            config.routes.before(SecurityHeaders::add);
            // everything but the webhook, health, login and assets is for staff only
            config.routes.before(access::check);

            config.routes.get("/webhook", webhook::handshake);
            config.routes.post("/webhook", webhook::receive);
            config.routes.get("/health", health::get);
            if (metrics != null) {
                config.routes.get(
                        "/metrics",
                        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(metrics.get()));
            }
            config.routes.get("/", ctx -> ctx.redirect("/dashboard", HttpStatus.SEE_OTHER));
            config.routes.get("/favicon.ico", ctx -> ctx.status(HttpStatus.NO_CONTENT));

            config.routes.get("/login", dashboard.login()::form);
            if (access.loginEnabled()) {
                config.routes.post("/login", dashboard.login()::submit);
                config.routes.post("/logout", dashboard.login()::logout);
            }
            config.routes.get("/lang/{code}", dashboard.language()::choose);

            config.routes.get("/dashboard", dashboard.list()::page);
            config.routes.get("/dashboard/attention", dashboard.list()::attention);
            config.routes.get("/dashboard/events", new EventsRoute(live)::stream);
            config.routes.get("/dashboard/conversations/{id}", dashboard.conversation()::page);
            config.routes.get("/dashboard/conversations/{id}/live", dashboard.conversation()::live);
            config.routes.get("/dashboard/conversations/{id}/composer", dashboard.conversation()::composer);
            config.routes.post("/dashboard/conversations/{id}/reply", dashboard.conversation()::reply);
            config.routes.post("/dashboard/conversations/{id}/template", dashboard.conversation()::template);
            config.routes.post("/dashboard/conversations/{id}/mode", dashboard.conversation()::mode);
            config.routes.post("/dashboard/conversations/{id}/profile", dashboard.conversation()::profile);
            config.routes.get("/dashboard/conversations/{id}/erase", dashboard.conversation()::eraseForm);
            config.routes.post("/dashboard/conversations/{id}/erase", dashboard.conversation()::erase);
            config.routes.get("/dashboard/analytics", dashboard.analytics()::page);
            config.routes.get("/dashboard/analytics.csv", dashboard.analytics()::csv);

            config.routes.get("/api/conversations", conversations::list);
            config.routes.get("/api/conversations/{id}", conversations::detail);
            config.routes.post("/api/conversations/{id}/messages", conversations::sendStaffReply);
            config.routes.post("/api/conversations/{id}/templates", templates::send);
            config.routes.put("/api/conversations/{id}/mode", conversations::changeMode);
            config.routes.put("/api/conversations/{id}/profile", conversations::editProfile);
            config.routes.get("/api/analytics", analytics::get);
            config.routes.get("/api/templates", templates::list);
            config.routes.post("/api/messages", messages::send);
            config.routes.get("/api/customers/{id}/export", customerData::export);
            config.routes.delete("/api/customers/{id}", customerData::erase);
            config.routes.get("/api/media/{id}", media::serve);

            if (simulator != null) {
                config.routes.get("/simulator", simulator::page);
                config.routes.get("/simulator/chats", simulator::chats);
                config.routes.post("/simulator/chats", simulator::open);
                config.routes.get("/simulator/chats/{phone}", simulator::chat);
                config.routes.post("/simulator/chats/{phone}/messages", simulator::write);
                config.routes.post("/simulator/chats/{phone}/read", simulator::read);
                config.routes.post("/api/demo/messages", simulator::demoMessage);
            }

            config.routes.exception(
                    UnknownConversation.class,
                    (e, ctx) -> errors.respond(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage()));
            config.routes.exception(
                    UnknownMedia.class,
                    (e, ctx) -> errors.respond(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage()));
            config.routes.exception(
                    SimulatorRoutes.NoSuchChat.class,
                    (e, ctx) -> errors.respond(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage()));
            config.routes.exception(
                    BadRequest.class,
                    (e, ctx) -> errors.respond(ctx, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage()));
            config.routes.exception(
                    LocalNetworkOnly.Refused.class,
                    (e, ctx) -> errors.respond(ctx, HttpStatus.FORBIDDEN, "forbidden", e.getMessage()));
            config.routes.exception(
                    AccessDenied.class,
                    (e, ctx) -> errors.respond(ctx, HttpStatus.forStatus(e.status()), e.code(), e.getMessage()));
            config.routes.exception(LoginRequired.class, errors::loginRequired);
            config.routes.exception(
                    OutsideServiceWindow.class,
                    (e, ctx) -> errors.respond(ctx, HttpStatus.CONFLICT, "outside_window", e.getMessage()));
            config.routes.exception(
                    TemplatesUnavailable.class,
                    (e, ctx) -> errors.respond(
                            ctx, HttpStatus.SERVICE_UNAVAILABLE, "templates_unavailable", e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                ApiErrors.logInternal(e, ctx);
                errors.respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", ApiErrors.internalMessage());
            });
        });
    }
}

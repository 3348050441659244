package sportello.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.InstantSource;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import sportello.app.alerts.EmailAlertSink;
import sportello.app.alerts.WebhookAlertSink;
import sportello.app.metrics.PrometheusMetrics;
import sportello.app.storage.Stores;
import sportello.app.storage.StoresFor;
import sportello.domain.business.BusinessHours;
import sportello.domain.business.OpeningHours;
import sportello.domain.profile.ProfileSchema;
import sportello.openai.ModelPrices;
import sportello.openai.OpenAiReplyAgent;
import sportello.openai.OpenAiSettings;
import sportello.openai.offline.FaqFile;
import sportello.openai.offline.OfflineReplyAgent;
import sportello.openai.transcription.OpenAiTranscriber;
import sportello.ports.in.SendTemplate;
import sportello.ports.in.SendToCustomer;
import sportello.ports.out.AlertSink;
import sportello.ports.out.Channel;
import sportello.ports.out.HealthProbe;
import sportello.ports.out.MediaSource;
import sportello.ports.out.ReplyAgent;
import sportello.ports.out.Templates;
import sportello.ports.out.Transcriber;
import sportello.ports.out.WebhookReader;
import sportello.ports.usecase.AgentProbe;
import sportello.ports.usecase.Alerting;
import sportello.ports.usecase.ApplyingRetention;
import sportello.ports.usecase.BackgroundLoop;
import sportello.ports.usecase.ChangingMode;
import sportello.ports.usecase.CheckingHealth;
import sportello.ports.usecase.ConversationLanes;
import sportello.ports.usecase.DeliveringReplies;
import sportello.ports.usecase.EditingProfile;
import sportello.ports.usecase.HealthWatch;
import sportello.ports.usecase.InboxDispatcher;
import sportello.ports.usecase.KeepingMedia;
import sportello.ports.usecase.ManagingCustomerData;
import sportello.ports.usecase.Pause;
import sportello.ports.usecase.QueryingAnalytics;
import sportello.ports.usecase.QueryingConversations;
import sportello.ports.usecase.ReceivingCustomerMessage;
import sportello.ports.usecase.ReceivingWebhook;
import sportello.ports.usecase.RecentActivity;
import sportello.ports.usecase.SendingProbe;
import sportello.ports.usecase.SendingStaffReply;
import sportello.ports.usecase.SendingTemplates;
import sportello.ports.usecase.SendingToCustomer;
import sportello.ports.usecase.TakingBackups;
import sportello.ports.usecase.TranscribingVoiceNotes;
import sportello.ports.usecase.ViewingMedia;
import sportello.ports.usecase.WebhookProbe;
import sportello.web.WebApp;
import sportello.web.access.WebAccess;
import sportello.web.live.LiveUpdates;
import sportello.web.simulator.SimulatorChannel;
import sportello.web.simulator.SimulatorTemplates;
import sportello.web.simulator.SimulatorWebhookReader;
import sportello.whatsapp.WhatsAppSettings;
import sportello.whatsapp.inbound.WhatsAppWebhookReader;
import sportello.whatsapp.media.WhatsAppMediaSource;
import sportello.whatsapp.outbound.Pacing;
import sportello.whatsapp.outbound.WhatsAppCloudChannel;
import sportello.whatsapp.templates.WhatsAppTemplates;

/** Builds Sportello from its configuration by plain constructor calls: the only place that knows every part. */
public final class Wiring {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Wiring.class);
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration HEALTH_WATCH_INTERVAL = Duration.ofMinutes(1);
    /** Backups and retention check hourly; a backup is taken at most once a day. */
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofHours(1);

    static final String FALLBACK_TEXT = "Grazie per il messaggio! In questo momento non riesco a rispondere:"
            + " un collega ti risponderà al più presto. / Thanks for your message: a member of our team will"
            + " get back to you shortly.";

    private Wiring() {}

    public static Sportello build(Config config) {
        InstantSource clock = InstantSource.system();
        ProfileSchema schema = ProfileSchema.standard();
        WebAccess access = webAccess(config);
        // Opening the database (migrations included) and building the HTTP clients are both mostly class loading;
        // on two cores they take about half the time side by side.
        var storesOpening = InBackground.start("open-storage", () -> StoresFor.config(config, schema, clock));
        ObjectMapper json = Json.mapper();
        OkHttpClient http = new OkHttpClient.Builder().build();
        var live = new LiveUpdates();
        var alerts = new Alerting(alertSinks(config, http, json), clock, Duration.ofHours(1), 20);

        Templates templates = templates(config, http, clock);
        Channel channel;
        MediaSource mediaSource;
        WebhookReader webhookReader;
        SimulatorChannel simulator = null;
        if (config.whatsApp().isPresent()) {
            var settings = whatsAppSettings(config.whatsApp().get());
            channel = new WhatsAppCloudChannel(
                    settings, http, json, new Pacing(config.whatsApp().get().messagesPerSecond(), clock), templates);
            webhookReader = new WhatsAppWebhookReader(settings, json);
            mediaSource = new WhatsAppMediaSource(settings, http);
        } else {
            mediaSource = (account, attachment, sink) ->
                    new MediaSource.Fetch.Unavailable("the simulator sends no files", false);
            simulator = new SimulatorChannel(json, clock);
            channel = simulator;
            webhookReader = new WebhookRefusedInDemo();
        }
        var stores = storesOpening.join();
        var conversations = stores.conversations();
        var inbox = stores.inbox();
        var outbox = stores.outbox();
        var usageLog = stores.usageLog();
        var mediaStore = stores.media();
        var prometheus = new PrometheusMetrics(
                inbox::pendingCount,
                outbox::unsentCount,
                config.openAi().map(Config.OpenAi::historyTokenBudget).orElse(0));
        var metrics = new RecentActivity(prometheus, clock);
        ReplyAgent agent = config.openAi()
                .<ReplyAgent>map(openAi -> new OpenAiReplyAgent(
                        openAiSettings(openAi, config),
                        http,
                        json,
                        Instructions.load(config),
                        ModelPrices.defaults(),
                        problem -> alerts.raise("openai.configuration", "OpenAI configuration problem", problem),
                        mediaStore))
                .orElseGet(() -> new OfflineReplyAgent(
                        config.businessName(), new FaqFile(config.dataDir().resolve("faq.txt"))));

        var replies = new DeliveringReplies(
                outbox, conversations, channel, clock, DeliveringReplies.Policy.DEFAULT, live, alerts, metrics);
        var outboxLoop = new BackgroundLoop("outbox", TICK, replies::deliverDue);
        var receiving = new ReceivingCustomerMessage(
                new ReceivingCustomerMessage.Ports(
                        conversations, inbox, outbox, agent, channel, usageLog, live, alerts, metrics),
                clock,
                schema,
                FALLBACK_TEXT,
                outboxLoop::wake,
                new ReceivingCustomerMessage.Extras(
                        new KeepingMedia(mediaSource, mediaStore, alerts, Pause.REAL),
                        new TranscribingVoiceNotes(transcriber(config, http, json), mediaStore),
                        new BusinessHours(openingHours(config), config.timeZone())));
        var lanes = new ConversationLanes();
        var dispatcher = new InboxDispatcher(inbox, receiving, lanes, clock, config.replyDebounce());
        var inboxLoop = new BackgroundLoop("inbox", TICK, dispatcher::dispatchPending);
        var probes = new ArrayList<HealthProbe>(List.of(
                stores.health(),
                DiskProbe.standard(config.dataDir()),
                new BacklogProbe(inbox, outbox),
                new SendingProbe(metrics, clock),
                new AgentProbe(metrics, clock)));
        if (config.whatsApp().isPresent()) {
            probes.add(
                    new WebhookProbe(metrics, clock, openingHours(config), config.timeZone(), config.webhookSilence()));
        }
        var health = new CheckingHealth(probes);
        var healthWatch =
                new BackgroundLoop("health-watch", HEALTH_WATCH_INTERVAL, new HealthWatch(health, alerts)::check);
        var loops = new ArrayList<>(List.of(inboxLoop, outboxLoop, healthWatch));
        stores.backups().ifPresent(store -> {
            var backups =
                    new TakingBackups(store, config.dataDir().resolve("backups"), config.backupsKept(), clock, alerts);
            loops.add(new BackgroundLoop("backups", HOUSEKEEPING_INTERVAL, backups::daily));
        });
        if (config.retentionMonths() > 0) {
            var retention = new ApplyingRetention(
                    stores.retention(), mediaStore, Period.ofMonths(config.retentionMonths()), clock);
            loops.add(new BackgroundLoop("retention", HOUSEKEEPING_INTERVAL, retention::apply));
        }

        var webApp = new WebApp(
                new WebApp.UseCases(
                        new ReceivingWebhook(
                                "whatsapp",
                                webhookReader,
                                inbox,
                                clock,
                                inboxLoop::wake,
                                live,
                                metrics,
                                conversations,
                                outbox,
                                alerts),
                        health,
                        new QueryingConversations(conversations, schema, clock, live),
                        new SendingStaffReply(conversations, outbox, clock, outboxLoop::wake, live),
                        new ChangingMode(conversations, live),
                        new EditingProfile(conversations, schema, clock, live),
                        new QueryingAnalytics(stores.analytics(), clock, config.timeZone()),
                        new ManagingCustomerData(stores.customerRecords(), mediaStore, clock, live),
                        new SendingToCustomer(conversations, outbox, clock, outboxLoop::wake, live),
                        new ViewingMedia(mediaStore),
                        new SendingTemplates(templates, conversations, outbox, clock, outboxLoop::wake, live)),
                access,
                live,
                clock,
                config.timeZone(),
                json);
        webApp.withMetrics(prometheus::scrape);
        if (simulator != null) {
            webApp.withSimulator(
                    simulator,
                    new ReceivingWebhook(
                            "simulator",
                            new SimulatorWebhookReader(json, clock),
                            inbox,
                            clock,
                            inboxLoop::wake,
                            live,
                            metrics,
                            conversations,
                            outbox,
                            alerts));
        }
        AutoCloseable resources = () -> {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            stores.close();
        };
        return new Sportello(webApp.create(), loops, lanes, replies, resources);
    }

    private static Transcriber transcriber(Config config, OkHttpClient http, ObjectMapper json) {
        return config.openAi()
                .<Transcriber>map(openAi -> new OpenAiTranscriber(openAiSettings(openAi, config), http, json))
                .orElse(Transcriber.NONE);
    }

    private static Optional<OpeningHours> openingHours(Config config) {
        var hours = config.openingHours().flatMap(OpeningHours::parse);
        if (config.openingHours().isPresent() && hours.isEmpty()) {
            log.warn(
                    "OPENING_HOURS \"{}\" could not be read as hours (e.g. \"lun-ven 9-13 e 15-19; sab 9-12\"):"
                            + " the agent still tells customers, but the webhook-silence alert is off",
                    config.openingHours().get());
        }
        return hours;
    }

    /** Just the storage and the send use case, for command-line tools that run beside the service. */
    static StorageTools storageOnly(Config config) {
        var schema = ProfileSchema.standard();
        var clock = InstantSource.system();
        var stores = StoresFor.config(config, schema, clock);
        var conversations = stores.conversations();
        var outbox = stores.outbox();
        SendToCustomer send = new SendingToCustomer(
                conversations, outbox, clock, () -> {}, sportello.ports.out.ConversationEvents.NONE);
        var http = new OkHttpClient.Builder().build();
        var templates = new SendingTemplates(
                templates(config, http, clock),
                conversations,
                outbox,
                clock,
                () -> {},
                sportello.ports.out.ConversationEvents.NONE);
        return new StorageTools(send, templates, http, stores);
    }

    /** What the command-line tools use. */
    record StorageTools(SendToCustomer sendToCustomer, SendTemplate sendTemplate, OkHttpClient http, Stores stores)
            implements AutoCloseable {
        @Override
        public void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            stores.close();
        }
    }

    private static Templates templates(Config config, OkHttpClient http, InstantSource clock) {
        return config.whatsApp()
                .<Templates>map(whatsApp ->
                        new WhatsAppTemplates(whatsAppSettings(whatsApp), whatsApp.accountId(), http, clock))
                .orElseGet(SimulatorTemplates::new);
    }

    private static WebAccess webAccess(Config config) {
        var dashboard = config.dashboard();
        try {
            return WebAccess.fromSettings(
                    dashboard.username().orElse(null),
                    dashboard.password().orElse(null),
                    dashboard.passwordHash().orElse(null),
                    dashboard.apiToken().orElse(null));
        } catch (IllegalArgumentException e) {
            throw new ConfigError(e.getMessage());
        }
    }

    private static List<AlertSink> alertSinks(Config config, OkHttpClient http, ObjectMapper json) {
        var sinks = new ArrayList<AlertSink>();
        config.alertWebhookUrl()
                .ifPresent(url -> sinks.add(new WebhookAlertSink(url, http, json, config.businessName())));
        config.alertEmail().ifPresent(smtp -> sinks.add(new EmailAlertSink(smtp, config.businessName())));
        return sinks;
    }

    static WhatsAppSettings whatsAppSettings(Config.WhatsApp w) {
        return new WhatsAppSettings(
                w.apiBaseUrl(), w.apiVersion(), w.phoneNumberId(), w.accessToken(), w.appSecret(), w.verifyToken());
    }

    static OpenAiSettings openAiSettings(Config.OpenAi o, Config config) {
        var settings = OpenAiSettings.of(o.apiKey(), "default", config.businessName())
                .withBaseUrl(o.baseUrl())
                .withModel(o.model())
                .withPrompt(o.promptId(), o.promptVersion())
                .withTimeZone(config.timeZone());
        settings =
                settings.withHistoryTokenBudget(o.historyTokenBudget()).withTranscriptionModel(o.transcriptionModel());
        return o.vectorStoreId() == null ? settings : settings.withVectorStore(o.vectorStoreId());
    }
}

package sportello.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.profile.ProfileSchema;
import sportello.openai.InstructionTemplate;
import sportello.openai.OpenAiReplyAgent;
import sportello.openai.OpenAiSettings;
import sportello.openai.offline.OfflineReplyAgent;
import sportello.ports.out.Channel;
import sportello.ports.out.ReplyAgent;
import sportello.ports.out.WebhookReader;
import sportello.ports.usecase.BackgroundLoop;
import sportello.ports.usecase.ChangingMode;
import sportello.ports.usecase.CheckingHealth;
import sportello.ports.usecase.ConversationLanes;
import sportello.ports.usecase.DeliveringReplies;
import sportello.ports.usecase.InboxDispatcher;
import sportello.ports.usecase.QueryingConversations;
import sportello.ports.usecase.ReceivingCustomerMessage;
import sportello.ports.usecase.ReceivingWebhook;
import sportello.ports.usecase.SendingStaffReply;
import sportello.sqlite.SqliteConversations;
import sportello.sqlite.SqliteDatabase;
import sportello.sqlite.SqliteInbox;
import sportello.sqlite.SqliteOutbox;
import sportello.web.WebApp;
import sportello.web.demo.DemoChannel;
import sportello.web.demo.DemoWebhookReader;
import sportello.whatsapp.WhatsAppSettings;
import sportello.whatsapp.inbound.WhatsAppWebhookReader;
import sportello.whatsapp.outbound.WhatsAppCloudChannel;

/** Builds Sportello from its configuration by plain constructor calls: the only place that knows every part. */
public final class Wiring {

    private static final Logger log = LoggerFactory.getLogger(Wiring.class);
    private static final Duration TICK = Duration.ofMillis(500);

    static final String FALLBACK_TEXT = "Grazie per il messaggio! In questo momento non riesco a rispondere:"
            + " un collega ti risponderà al più presto. / Thanks for your message: a member of our team will"
            + " get back to you shortly.";

    private Wiring() {}

    public static Sportello build(Config config) {
        InstantSource clock = InstantSource.system();
        ObjectMapper json = Json.mapper();
        OkHttpClient http = new OkHttpClient.Builder().build();
        ProfileSchema schema = ProfileSchema.standard();

        var database = SqliteDatabase.migrated(config.dataDir().resolve("sportello.db"));
        var conversations = new SqliteConversations(database, schema);
        var inbox = new SqliteInbox(database);
        var outbox = new SqliteOutbox(database);

        Channel channel;
        WebhookReader webhookReader;
        if (config.whatsApp().isPresent()) {
            var settings = whatsAppSettings(config.whatsApp().get());
            channel = new WhatsAppCloudChannel(settings, http, json);
            webhookReader = new WhatsAppWebhookReader(settings, json);
        } else {
            channel = new DemoChannel();
            webhookReader = new WebhookRefusedInDemo();
        }
        ReplyAgent agent = config.openAi()
                .<ReplyAgent>map(openAi -> new OpenAiReplyAgent(
                        openAiSettings(openAi, config),
                        http,
                        json,
                        InstructionTemplate.defaultTemplate(),
                        alert -> log.error("CRITICAL: {}", alert)))
                .orElseGet(() -> new OfflineReplyAgent(config.businessName()));

        var replies = new DeliveringReplies(outbox, conversations, channel, clock, DeliveringReplies.Policy.DEFAULT);
        var outboxLoop = new BackgroundLoop("outbox", TICK, replies::deliverDue);
        var receiving = new ReceivingCustomerMessage(
                conversations, inbox, outbox, agent, channel, clock, schema, FALLBACK_TEXT, outboxLoop::wake);
        var lanes = new ConversationLanes();
        var dispatcher = new InboxDispatcher(inbox, receiving, lanes);
        var inboxLoop = new BackgroundLoop("inbox", TICK, dispatcher::dispatchPending);

        var webApp = new WebApp(
                new ReceivingWebhook("whatsapp", webhookReader, inbox, clock, inboxLoop::wake),
                new CheckingHealth(List.of(new DatabaseProbe(database), new BacklogProbe(inbox, outbox))),
                new QueryingConversations(conversations, schema),
                new SendingStaffReply(conversations, outbox, clock, outboxLoop::wake),
                new ChangingMode(conversations),
                json);
        if (config.demoMode()) {
            webApp.withDemoInbound(
                    new ReceivingWebhook("demo", new DemoWebhookReader(json, clock), inbox, clock, inboxLoop::wake));
        }
        AutoCloseable resources = () -> {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        };
        return new Sportello(webApp.create(), inboxLoop, outboxLoop, lanes, replies, resources);
    }

    private static WhatsAppSettings whatsAppSettings(Config.WhatsApp w) {
        return new WhatsAppSettings(
                w.apiBaseUrl(), w.apiVersion(), w.phoneNumberId(), w.accessToken(), w.appSecret(), w.verifyToken());
    }

    private static OpenAiSettings openAiSettings(Config.OpenAi o, Config config) {
        return OpenAiSettings.of(o.apiKey(), "default", config.businessName())
                .withBaseUrl(o.baseUrl())
                .withModel(o.model())
                .withPrompt(o.promptId(), o.promptVersion());
    }
}

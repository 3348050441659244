package sportello.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import sportello.domain.business.BusinessHours;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.ScriptedMediaSource;
import sportello.ports.fake.ScriptedReplyAgent;
import sportello.ports.fake.StaticTemplates;
import sportello.ports.fake.StubWebhookReader;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.QueryAnalytics;
import sportello.ports.in.RaiseAlert;
import sportello.ports.out.Channel;
import sportello.ports.out.ConversationQuery;
import sportello.ports.usecase.ChangingMode;
import sportello.ports.usecase.CheckingHealth;
import sportello.ports.usecase.DeliveringReplies;
import sportello.ports.usecase.EditingProfile;
import sportello.ports.usecase.KeepingMedia;
import sportello.ports.usecase.ManagingCustomerData;
import sportello.ports.usecase.QueryingConversations;
import sportello.ports.usecase.ReceivingCustomerMessage;
import sportello.ports.usecase.ReceivingWebhook;
import sportello.ports.usecase.SendingStaffReply;
import sportello.ports.usecase.SendingTemplates;
import sportello.ports.usecase.SendingToCustomer;
import sportello.ports.usecase.TranscribingVoiceNotes;
import sportello.ports.usecase.ViewingMedia;
import sportello.web.access.WebAccess;
import sportello.web.live.LiveUpdates;
import sportello.web.simulator.SimulatorChannel;
import sportello.web.simulator.SimulatorWebhookReader;

/**
 * The front desk on in-memory fakes behind a real {@link WebApp} on a free port: customers write through the
 * webhook route, the inbox is processed by calling the use case, replies go out when a test says so. In demo mode
 * the channel is the {@link SimulatorChannel} instead of the recording fake, and the simulator's routes are on.
 */
public final class Desk implements AutoCloseable {

    public static final ZoneId ROME = ZoneId.of("Europe/Rome");

    public final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public final InMemoryStorage storage = new InMemoryStorage();
    /** Export and erasure; an erased conversation disappears from what staff see. */
    public final FakeCustomerRecords records = new FakeCustomerRecords(storage);

    public final ManualClock clock;
    /** The files customers sent, as stored on our side. */
    public final VanishingMediaStore media;
    /** WhatsApp's file server: a file a test publishes here is downloaded when its message is processed. */
    public final ScriptedMediaSource files = new ScriptedMediaSource();

    public final StubWebhookReader reader = new StubWebhookReader();
    public final RecordingChannel channel = new RecordingChannel();
    /** The approved templates, as the channel lists them: {@link StaticTemplates#ORDER_UPDATE} unless a test adds. */
    public final StaticTemplates templates = new StaticTemplates();
    /** The channel in demo mode; null otherwise. */
    public final SimulatorChannel simulator;

    public final ScriptedReplyAgent agent = new ScriptedReplyAgent();
    public final LiveUpdates live = new LiveUpdates();
    public final ReceivingCustomerMessage receiving;
    public final DeliveringReplies delivering;
    public final Javalin app;
    public final String base;
    private final Http http;
    private final AtomicInteger messageIds = new AtomicInteger();

    private Desk(WebAccess access, QueryAnalytics analytics, Instant start, boolean demo) {
        this.clock = new ManualClock(start);
        this.media = new VanishingMediaStore(clock);
        this.simulator = demo ? new SimulatorChannel(json, clock) : null;
        Channel sending = demo ? simulator : channel;
        var schema = ProfileSchema.standard();
        this.receiving = new ReceivingCustomerMessage(
                new ReceivingCustomerMessage.Ports(storage, storage, storage, agent, sending, storage, live),
                clock,
                schema,
                "fallback",
                () -> {},
                new ReceivingCustomerMessage.Extras(
                        new KeepingMedia(files, media, RaiseAlert.NONE, pause -> {}),
                        TranscribingVoiceNotes.none(),
                        BusinessHours.UNKNOWN));
        this.delivering =
                new DeliveringReplies(storage, storage, sending, clock, DeliveringReplies.Policy.DEFAULT, live);
        var useCases = new WebApp.UseCases(
                new ReceivingWebhook("test", reader, storage, clock, () -> {}, live),
                new CheckingHealth(List.of()),
                records.hiding(new QueryingConversations(storage, schema, clock, live)),
                new SendingStaffReply(storage, storage, clock, () -> {}, live),
                new ChangingMode(storage, live),
                new EditingProfile(storage, schema, clock, live),
                analytics,
                new ManagingCustomerData(records, media, clock, live),
                new SendingToCustomer(storage, storage, clock, () -> {}, live),
                new ViewingMedia(media),
                new SendingTemplates(templates, storage, storage, clock, () -> {}, live));
        var web = new WebApp(useCases, access, live, clock, ROME, json);
        if (demo) {
            web.withSimulator(
                    simulator,
                    new ReceivingWebhook(
                            "simulator", new SimulatorWebhookReader(json, clock), storage, clock, () -> {}, live));
        }
        this.app = web.create().start("127.0.0.1", 0);
        this.base = "http://127.0.0.1:" + app.port();
        this.http = new Http(base);
    }

    /** Option A, at the fixed test time {@link TestMessages#T0}. */
    public static Desk open() {
        return open(WebAccess.localNetworkOnly());
    }

    public static Desk open(WebAccess access) {
        return new Desk(access, FixedAnalytics.sample(), TestMessages.T0, false);
    }

    /** Demo mode: the simulator is the channel, at the fixed test time {@link TestMessages#T0}. */
    public static Desk demo(WebAccess access) {
        return new Desk(access, FixedAnalytics.sample(), TestMessages.T0, true);
    }

    /** Demo mode at the real time, for the browser. */
    public static Desk demoNow(WebAccess access) {
        return new Desk(access, FixedAnalytics.sample(), Instant.now().truncatedTo(ChronoUnit.SECONDS), true);
    }

    /** At the real time, so that what a browser shows looks like today. */
    public static Desk openNow(WebAccess access, QueryAnalytics analytics) {
        return new Desk(access, analytics, Instant.now().truncatedTo(ChronoUnit.SECONDS), false);
    }

    /** The customer writes through the webhook route; the message is then handled as the inbox worker would. */
    public ConversationId customerWrites(Customer customer, String text) {
        return customerSends(customer, MessageKind.TEXT, text);
    }

    public ConversationId customerSends(Customer customer, MessageKind kind, String text) {
        return customerSends(customer, kind, text, null);
    }

    /**
     * A message with a file, e.g. a photo with its caption. The file is stored only if the test {@link #files
     * published} it first; otherwise the download fails as for an expired file.
     */
    public ConversationId customerSends(Customer customer, MessageKind kind, String text, Attachment attachment) {
        String channelId = "wamid.test-" + messageIds.incrementAndGet();
        String raw = json.createObjectNode()
                .put("id", channelId)
                .put("from", customer.phone())
                .put("type", kind.name().toLowerCase(Locale.ROOT))
                .toString();
        var message = new CustomerMessage(
                TestMessages.ACCOUNT, channelId, customer, kind, text, clock.instant(), raw, attachment);
        deliverWebhook(message);
        processInbox();
        var id = storage.byCustomer(customer).orElseThrow().id();
        records.received(id, raw);
        return id;
    }

    public void deliverWebhook(CustomerMessage message) {
        reader.carrying(List.of(message), List.of());
        byte[] body = ("{\"delivery\":\"" + message.channelMessageId() + "\"}").getBytes(StandardCharsets.UTF_8);
        try {
            var response = http.post(
                    "/webhook",
                    new String(body, StandardCharsets.UTF_8),
                    "X-Test-Signature",
                    StubWebhookReader.sign(body));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("webhook answered " + response.statusCode());
            }
        } catch (Exception e) {
            throw new IllegalStateException("webhook delivery failed", e);
        }
    }

    /** What the inbox worker does: each pending message goes to the use case. */
    public void processInbox() {
        storage.pending(100).forEach(receiving::receive);
    }

    public int deliverReplies() {
        return delivering.deliverDue();
    }

    public ConversationId onlyConversation() {
        return storage.summaries(ConversationQuery.page(clock.instant(), 10, 0))
                .getFirst()
                .id();
    }

    public Http http() {
        return http;
    }

    @Override
    public void close() {
        app.stop();
    }
}

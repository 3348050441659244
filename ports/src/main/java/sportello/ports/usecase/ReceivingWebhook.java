package sportello.ports.usecase;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.BusinessEcho;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.domain.conversation.StatusReport;
import sportello.ports.in.RaiseAlert;
import sportello.ports.in.ReceiveWebhook;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.Conversations;
import sportello.ports.out.Inbox;
import sportello.ports.out.Metrics;
import sportello.ports.out.Outbox;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.StorageUnavailable;
import sportello.ports.out.WebhookReader;

/** Stores a webhook delivery durably, then wakes the workers; never calls the agent or the channel itself. */
public final class ReceivingWebhook implements ReceiveWebhook {

    static final String NOTICE_ALERT = "webhook.notice";
    private static final Logger log = LoggerFactory.getLogger(ReceivingWebhook.class);

    private final String channel;
    private final WebhookReader reader;
    private final Inbox inbox;
    private final InstantSource clock;
    private final Runnable newWork;
    private final ConversationEvents events;
    private final Metrics metrics;
    private final Conversations conversations;
    private final Outbox outbox;
    private final RaiseAlert alerts;

    public ReceivingWebhook(
            String channel,
            WebhookReader reader,
            Inbox inbox,
            InstantSource clock,
            Runnable newWork,
            ConversationEvents events) {
        this(channel, reader, inbox, clock, newWork, events, Metrics.NONE);
    }

    public ReceivingWebhook(
            String channel,
            WebhookReader reader,
            Inbox inbox,
            InstantSource clock,
            Runnable newWork,
            ConversationEvents events,
            Metrics metrics) {
        this(channel, reader, inbox, clock, newWork, events, metrics, null, null, RaiseAlert.NONE);
    }

    /**
     * With {@code conversations} and {@code outbox}, staff messages echoed from outside Sportello are recorded before
     * the 200; with {@code alerts}, what the channel sent that Sportello cannot use (e.g. another number's) is alerted.
     */
    public ReceivingWebhook(
            String channel,
            WebhookReader reader,
            Inbox inbox,
            InstantSource clock,
            Runnable newWork,
            ConversationEvents events,
            Metrics metrics,
            Conversations conversations,
            Outbox outbox,
            RaiseAlert alerts) {
        this.alerts = alerts;
        this.conversations = conversations;
        this.outbox = outbox;
        this.channel = channel;
        this.reader = reader;
        this.inbox = inbox;
        this.clock = clock;
        this.newWork = newWork;
        this.events = events;
        this.metrics = metrics;
    }

    /** The conversation is saved before the 200, so a failure here makes the channel deliver the echo again. */
    private void record(BusinessEcho echo) {
        if (conversations == null || outbox == null) {
            log.warn("A staff message sent outside Sportello was not recorded: this channel has no conversations");
            return;
        }
        var conversation = conversations.byCustomer(echo.customer()).orElseGet(() -> {
            var started =
                    Conversation.start(new ConversationId(UUID.randomUUID().toString()), echo.customer());
            conversations.save(started);
            return started;
        });
        boolean recorded =
                outbox.recordSent(conversation.id(), Author.STAFF, echo.text(), echo.channelMessageId(), echo.sentAt());
        if (recorded && conversation.mode() != Mode.HUMAN) {
            // staff answering from the phone takes the conversation over, exactly like a dashboard reply
            conversations.save(conversation.withMode(Mode.HUMAN));
        }
        events.changed(conversation.id());
    }

    /**
     * The channel refused one of our messages later, in a status report, because the window had closed: from now on
     * the dashboard offers a template instead of free text. Done before the 200, so a failure here is redelivered.
     */
    private void closeWindow(StatusReport report) {
        if (conversations == null) {
            return;
        }
        Optional.ofNullable(report.correlation())
                .flatMap(conversations::ofMessage)
                .or(() -> conversations.ofMessage(report.channelMessageId()))
                .flatMap(conversations::byId)
                .filter(conversation -> !conversation.windowClosedAtValue().equals(Optional.of(report.at())))
                .ifPresentOrElse(
                        conversation -> {
                            log.warn(
                                    "Message to conversation {} refused, the 24-hour window is closed: {}",
                                    conversation.id(),
                                    report.failureReason());
                            conversations.save(conversation
                                    .windowClosedByChannel(report.at())
                                    .flagForStaff("Delivery failed: " + report.failureReason(), report.at()));
                            events.changed(conversation.id());
                        },
                        () -> log.debug("Window-closed report for a message not stored here: {}", report));
    }

    @Override
    public Optional<String> handshake(Map<String, String> query) {
        return reader.handshake(query);
    }

    @Override
    public Outcome receive(byte[] body, Map<String, String> headers) {
        var delivery = new RawDelivery(channel, body, clock.instant());
        try {
            return switch (reader.read(body, headers)) {
                case WebhookReader.Reading.Forged(var reason) -> {
                    log.warn("Webhook refused: {}. If this repeats, check WHATSAPP_APP_SECRET.", reason);
                    metrics.webhook("rejected", 0);
                    yield new Outcome.Rejected(reason);
                }
                case WebhookReader.Reading.Unreadable(var reason) -> {
                    inbox.storeUnreadable(delivery, reason);
                    log.error("Signed webhook could not be read and was kept aside: {}", reason);
                    metrics.webhook("unreadable", 0);
                    yield new Outcome.KeptUnreadable(reason);
                }
                case WebhookReader.Reading.Events(var messages, var statuses, var notices, var echoes) -> {
                    notices.forEach(notice -> log.warn("Webhook notice: {}", notice));
                    int fresh = inbox.store(delivery, messages, statuses);
                    if (!notices.isEmpty()) {
                        // one alert however often it repeats (the alerting dedupes by key); the body is kept
                        alerts.raise(
                                NOTICE_ALERT, "WhatsApp sent something Sportello could not use", notices.getFirst());
                    }
                    echoes.forEach(this::record);
                    statuses.stream().filter(StatusReport::closesServiceWindow).forEach(this::closeWindow);
                    metrics.webhook("stored", fresh);
                    if (fresh > 0) {
                        newWork.run();
                    }
                    if (!statuses.isEmpty()) {
                        events.statusesArrived();
                    }
                    yield new Outcome.Stored(fresh);
                }
            };
        } catch (StorageUnavailable e) {
            log.error("Webhook NOT stored, the channel will deliver it again: {}", e.getMessage(), e);
            metrics.webhook("not_stored", 0);
            return new Outcome.NotStored(e.getMessage());
        }
    }
}

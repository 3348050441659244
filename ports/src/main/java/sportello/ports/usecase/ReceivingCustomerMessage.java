package sportello.ports.usecase;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import sportello.domain.business.BusinessHours;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.Mode;
import sportello.domain.conversation.Reception;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.in.RaiseAlert;
import sportello.ports.in.ReceiveCustomerMessage;
import sportello.ports.out.Channel;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.Conversations;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.Metrics;
import sportello.ports.out.Outbox;
import sportello.ports.out.ReplyAgent;
import sportello.ports.out.Usage;
import sportello.ports.out.UsageLog;

/**
 * Handles stored customer messages: records each once, learns the profile from them and, only in bot mode, asks
 * the agent for one answer to the whole burst and queues it. Safe to run again after a crash at any point: a
 * message is stored once, and an answer is queued once per customer message it answers.
 */
public final class ReceivingCustomerMessage implements ReceiveCustomerMessage {

    static final String AGENT_FAILED = "The assistant could not answer";
    static final String AGENT_ALERT = "agent.unavailable";
    static final String FILE_MISSING = "A file from the customer could not be downloaded";
    private static final Logger log = LoggerFactory.getLogger(ReceivingCustomerMessage.class);

    private final Conversations conversations;
    private final Inbox inbox;
    private final Outbox outbox;
    private final ReplyAgent agent;
    private final Channel channel;
    private final UsageLog usageLog;
    private final ConversationEvents events;
    private final RaiseAlert alerts;
    private final Metrics metrics;
    private final InstantSource clock;
    private final ProfileSchema schema;
    private final String fallbackText;
    private final Runnable repliesQueued;
    private final KeepingMedia media;
    private final BusinessHours hours;
    private final TranscribingVoiceNotes voiceNotes;

    /** The collaborators, grouped so the constructor stays readable. */
    public record Ports(
            Conversations conversations,
            Inbox inbox,
            Outbox outbox,
            ReplyAgent agent,
            Channel channel,
            UsageLog usageLog,
            ConversationEvents events,
            RaiseAlert alerts,
            Metrics metrics) {

        public Ports(
                Conversations conversations,
                Inbox inbox,
                Outbox outbox,
                ReplyAgent agent,
                Channel channel,
                UsageLog usageLog,
                ConversationEvents events,
                RaiseAlert alerts) {
            this(conversations, inbox, outbox, agent, channel, usageLog, events, alerts, Metrics.NONE);
        }

        public Ports(
                Conversations conversations,
                Inbox inbox,
                Outbox outbox,
                ReplyAgent agent,
                Channel channel,
                UsageLog usageLog,
                ConversationEvents events) {
            this(conversations, inbox, outbox, agent, channel, usageLog, events, RaiseAlert.NONE, Metrics.NONE);
        }
    }

    /** What a business may add to the basic handling: files, voice transcripts, opening hours. */
    public record Extras(KeepingMedia media, TranscribingVoiceNotes voiceNotes, BusinessHours hours) {
        public static final Extras NONE =
                new Extras(KeepingMedia.none(), TranscribingVoiceNotes.none(), BusinessHours.UNKNOWN);
    }

    public ReceivingCustomerMessage(
            Ports ports, InstantSource clock, ProfileSchema schema, String fallbackText, Runnable repliesQueued) {
        this(ports, clock, schema, fallbackText, repliesQueued, Extras.NONE);
    }

    public ReceivingCustomerMessage(
            Ports ports,
            InstantSource clock,
            ProfileSchema schema,
            String fallbackText,
            Runnable repliesQueued,
            Extras extras) {
        this.media = extras.media();
        this.voiceNotes = extras.voiceNotes();
        this.hours = extras.hours();
        this.conversations = ports.conversations();
        this.inbox = ports.inbox();
        this.outbox = ports.outbox();
        this.agent = ports.agent();
        this.channel = ports.channel();
        this.usageLog = ports.usageLog();
        this.events = ports.events();
        this.alerts = ports.alerts();
        this.metrics = ports.metrics();
        this.clock = clock;
        this.schema = schema;
        this.fallbackText = fallbackText;
        this.repliesQueued = repliesQueued;
    }

    @Override
    public void record(List<InboxEntry> burst) {
        if (burst.isEmpty()) {
            return;
        }
        Conversation conversation = conversationOf(burst.getFirst().message());
        boolean changed = false;
        var usage = new java.util.ArrayList<Usage>();
        for (InboxEntry entry : burst) {
            var missingFile = media.keep(entry.message());
            var message = readable(conversation, entry.message(), usage);
            var reception = conversation.receive(newId(), message, schema);
            conversation = flagIfMissing(reception.conversation(), missingFile);
            changed |= !(reception instanceof Reception.AlreadySeen) || missingFile.isPresent();
        }
        if (changed) {
            conversations.save(conversation);
            events.changed(conversation.id());
        }
        record(conversation, usage);
    }

    /** A voice note becomes its transcript, once: a message already recorded keeps the text it has. */
    private CustomerMessage readable(Conversation conversation, CustomerMessage message, List<Usage> usage) {
        boolean recorded = conversation.messages().stream()
                .anyMatch(m -> message.channelMessageId().equals(m.channelMessageId()));
        if (recorded) {
            return message;
        }
        var transcribed = voiceNotes.transcribe(message);
        usage.addAll(transcribed.usage());
        return transcribed.message();
    }

    private Conversation flagIfMissing(Conversation conversation, java.util.Optional<String> missingFile) {
        return missingFile
                .map(reason -> conversation.flagForStaff(FILE_MISSING + ": " + reason, clock.instant()))
                .orElse(conversation);
    }

    private Conversation conversationOf(CustomerMessage message) {
        return conversations
                .byCustomer(message.customer())
                .orElseGet(() -> Conversation.start(new ConversationId(newId()), message.customer()));
    }

    @Override
    public void receive(List<InboxEntry> burst) {
        if (burst.isEmpty()) {
            return;
        }
        Conversation conversation = conversationOf(burst.getFirst().message());
        Message toAnswer = null;
        CustomerMessage toAnswerAsSent = null;
        boolean changed = false;
        var transcriptUsage = new java.util.ArrayList<Usage>();
        for (InboxEntry entry : burst) {
            var missingFile = media.keep(entry.message());
            var readable = readable(conversation, entry.message(), transcriptUsage);
            var reception = conversation.receive(newId(), readable, schema);
            conversation = flagIfMissing(reception.conversation(), missingFile);
            changed |= missingFile.isPresent();
            switch (reception) {
                case Reception.BotAnswers(var updated, var message) -> {
                    changed = true;
                    toAnswer = message;
                    toAnswerAsSent = readable;
                }
                case Reception.StaffAnswers(var updated, var message) -> changed = true;
                case Reception.NoAnswerNeeded(var updated, var message) -> changed = true;
                case Reception.AlreadySeen(var seen, var message) -> {
                    // a previous run stored the message but may have stopped before queueing its answer
                    if (seen.mode() == Mode.BOT && message.kind().startsAgentTurn()) {
                        toAnswer = message;
                        toAnswerAsSent = readable;
                    }
                }
            }
        }
        if (changed) {
            conversations.save(conversation);
            events.changed(conversation.id());
        }
        record(conversation, transcriptUsage);
        if (toAnswer != null && !outbox.hasReplyTo(toAnswer.id())) {
            answer(conversation, toAnswer, toAnswerAsSent);
        }
        burst.forEach(entry -> inbox.markDone(entry.id()));
        metrics.processed(Duration.between(burst.getFirst().receivedAt(), clock.instant()));
    }

    private void answer(Conversation conversation, Message message, CustomerMessage incoming) {
        markRead(incoming);
        var now = clock.instant();
        var tools = new TurnTools(conversation, schema, message.id(), now, hours);
        var answer = agent.answer(conversation, schema, now, tools);
        metrics.agentTurn(
                answer instanceof ReplyAgent.Answer.Reply ? "reply" : "unavailable",
                Duration.between(now, clock.instant()),
                switch (answer) {
                    case ReplyAgent.Answer.Reply reply -> reply.usage();
                    case ReplyAgent.Answer.Unavailable unavailable -> unavailable.usage();
                });
        var afterTools = tools.conversation();
        switch (answer) {
            case ReplyAgent.Answer.Reply(var text, var usage) -> {
                record(conversation, usage);
                alerts.resolve(AGENT_ALERT);
                if (afterTools != conversation) {
                    conversations.save(afterTools);
                }
                // the handoff message itself still goes out; otherwise staff may have taken over meanwhile
                if (tools.handedOff() || stillWithTheBot(conversation)) {
                    queue(afterTools, text, message);
                }
            }
            case ReplyAgent.Answer.Unavailable(var reason, var critical, var usage) -> {
                record(conversation, usage);
                log.atLevel(critical ? Level.ERROR : Level.WARN)
                        .log("Agent could not answer in conversation {}: {}", conversation.id(), reason);
                if (critical) {
                    alerts.raise(AGENT_ALERT, "The AI agent cannot answer customers", reason);
                }
                boolean alreadyHolding = conversation
                        .attention()
                        .reasonValue()
                        .filter(r -> r.startsWith(AGENT_FAILED))
                        .isPresent();
                conversations.save(afterTools.flagForStaff(AGENT_FAILED + ": " + reason, now));
                if (!alreadyHolding && stillWithTheBot(conversation)) {
                    queue(afterTools, fallbackText, message);
                }
            }
        }
        events.changed(conversation.id());
    }

    private void queue(Conversation conversation, String text, Message answering) {
        outbox.enqueue(conversation.id(), Author.BOT, text, answering.id(), clock.instant());
        repliesQueued.run();
    }

    private void record(Conversation conversation, List<Usage> usage) {
        if (!usage.isEmpty()) {
            usageLog.record(conversation.id(), usage);
        }
    }

    /** Staff may take the conversation over while the agent is thinking; then the bot stays silent. */
    private boolean stillWithTheBot(Conversation conversation) {
        return conversations
                .modeOf(conversation.id())
                .map(mode -> mode == Mode.BOT)
                .orElse(true);
    }

    private void markRead(CustomerMessage incoming) {
        try {
            channel.markRead(incoming.channelAccount(), incoming.channelMessageId());
        } catch (RuntimeException e) {
            log.warn("Could not mark message as read (the answer is not affected): {}", e.getMessage());
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}

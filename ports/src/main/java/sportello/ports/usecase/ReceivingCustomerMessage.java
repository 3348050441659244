package sportello.ports.usecase;

import java.time.InstantSource;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.Mode;
import sportello.domain.conversation.Reception;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.in.ReceiveCustomerMessage;
import sportello.ports.out.Channel;
import sportello.ports.out.Conversations;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.Outbox;
import sportello.ports.out.ReplyAgent;

/**
 * Handles one stored customer message: records it once, learns the profile from it and, only in bot mode, asks
 * the agent for an answer and queues it. Safe to run again after a crash at any point: the message is stored
 * once, and the answer is queued once per customer message.
 */
public final class ReceivingCustomerMessage implements ReceiveCustomerMessage {

    static final String AGENT_FAILED = "The assistant could not answer";
    private static final Logger log = LoggerFactory.getLogger(ReceivingCustomerMessage.class);

    private final Conversations conversations;
    private final Inbox inbox;
    private final Outbox outbox;
    private final ReplyAgent agent;
    private final Channel channel;
    private final InstantSource clock;
    private final ProfileSchema schema;
    private final String fallbackText;
    private final Runnable repliesQueued;

    public ReceivingCustomerMessage(
            Conversations conversations,
            Inbox inbox,
            Outbox outbox,
            ReplyAgent agent,
            Channel channel,
            InstantSource clock,
            ProfileSchema schema,
            String fallbackText,
            Runnable repliesQueued) {
        this.conversations = conversations;
        this.inbox = inbox;
        this.outbox = outbox;
        this.agent = agent;
        this.channel = channel;
        this.clock = clock;
        this.schema = schema;
        this.fallbackText = fallbackText;
        this.repliesQueued = repliesQueued;
    }

    @Override
    public void receive(InboxEntry entry) {
        CustomerMessage incoming = entry.message();
        Conversation conversation = conversations
                .byCustomer(incoming.customer())
                .orElseGet(() -> Conversation.start(new ConversationId(newId()), incoming.customer()));
        switch (conversation.receive(newId(), incoming, schema)) {
            case Reception.BotAnswers(var updated, var message) -> {
                conversations.save(updated);
                answer(updated, message, incoming);
            }
            case Reception.StaffAnswers(var updated, var message) -> conversations.save(updated);
            case Reception.NoAnswerNeeded(var updated, var message) -> conversations.save(updated);
            case Reception.AlreadySeen(var seen, var message) -> {
                // a previous run stored the message but stopped before queueing its answer
                if (seen.mode() == Mode.BOT && message.kind().startsAgentTurn() && !outbox.hasReplyTo(message.id())) {
                    answer(seen, message, incoming);
                }
            }
        }
        inbox.markDone(entry.id());
    }

    private void answer(Conversation conversation, Message message, CustomerMessage incoming) {
        markRead(incoming);
        var now = clock.instant();
        switch (agent.answer(conversation, schema, now)) {
            case ReplyAgent.Answer.Reply(var text) -> {
                if (stillWithTheBot(conversation)) {
                    outbox.enqueue(conversation.id(), Author.BOT, text, message.id(), clock.instant());
                    repliesQueued.run();
                }
            }
            case ReplyAgent.Answer.Unavailable(var reason, var critical) -> {
                log.atLevel(critical ? org.slf4j.event.Level.ERROR : org.slf4j.event.Level.WARN)
                        .log("Agent could not answer in conversation {}: {}", conversation.id(), reason);
                boolean alreadyHolding = conversation
                        .attention()
                        .reasonValue()
                        .filter(r -> r.startsWith(AGENT_FAILED))
                        .isPresent();
                conversations.save(conversation.flagForStaff(AGENT_FAILED + ": " + reason, now));
                if (!alreadyHolding && stillWithTheBot(conversation)) {
                    outbox.enqueue(conversation.id(), Author.BOT, fallbackText, message.id(), clock.instant());
                    repliesQueued.run();
                }
            }
        }
    }

    /** Staff may take the conversation over while the agent is thinking; then the bot stays silent. */
    private boolean stillWithTheBot(Conversation conversation) {
        return conversations
                .byId(conversation.id())
                .map(c -> c.mode() == Mode.BOT)
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

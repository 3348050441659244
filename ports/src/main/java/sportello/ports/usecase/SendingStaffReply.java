package sportello.ports.usecase;

import java.time.InstantSource;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.ports.in.OutsideServiceWindow;
import sportello.ports.in.SendStaffReply;
import sportello.ports.in.UnknownConversation;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.Conversations;
import sportello.ports.out.Outbox;
import sportello.ports.out.OutboxEntry;

/** Queues a staff member's reply and takes the conversation over, so the bot stays silent from now on. */
public final class SendingStaffReply implements SendStaffReply {

    private final Conversations conversations;
    private final Outbox outbox;
    private final InstantSource clock;
    private final Runnable repliesQueued;
    private final ConversationEvents events;

    public SendingStaffReply(
            Conversations conversations,
            Outbox outbox,
            InstantSource clock,
            Runnable repliesQueued,
            ConversationEvents events) {
        this.conversations = conversations;
        this.outbox = outbox;
        this.clock = clock;
        this.repliesQueued = repliesQueued;
        this.events = events;
    }

    @Override
    public OutboxEntry send(ConversationId id, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the reply text is empty");
        }
        var conversation = conversations.byId(id).orElseThrow(() -> new UnknownConversation(id));
        var now = clock.instant();
        if (!conversation.windowOpenAt(now)) {
            throw new OutsideServiceWindow(id);
        }
        if (conversation.mode() != Mode.HUMAN) {
            conversations.save(conversation.withMode(Mode.HUMAN));
        }
        var entry = outbox.enqueue(id, Author.STAFF, text.strip(), null, clock.instant());
        repliesQueued.run();
        events.changed(id);
        return entry;
    }
}

package sportello.ports.usecase;

import java.time.InstantSource;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Mode;
import sportello.domain.customer.Customer;
import sportello.domain.profile.FieldCheck;
import sportello.domain.profile.PhoneNumber;
import sportello.ports.in.SendToCustomer;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.Conversations;
import sportello.ports.out.Outbox;

/**
 * Queues a staff text to a customer named by phone or user id. Free text may only go out inside the 24-hour
 * window the customer's last message opened; outside it WhatsApp accepts only approved templates, so the send is
 * refused here with that explanation instead of failing later.
 */
public final class SendingToCustomer implements SendToCustomer {

    private final Conversations conversations;
    private final Outbox outbox;
    private final InstantSource clock;
    private final Runnable repliesQueued;
    private final ConversationEvents events;

    public SendingToCustomer(
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
    public Outcome send(String to, String text) {
        if (text == null || text.isBlank()) {
            return new Outcome.Refused("the text is empty");
        }
        Customer customer;
        try {
            customer = recipient(to == null ? "" : to.strip());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(e.getMessage());
        }
        var conversation = conversations.byCustomer(customer);
        var now = clock.instant();
        boolean windowOpen = conversation.map(c -> c.windowOpenAt(now)).orElse(false);
        if (!windowOpen) {
            return new Outcome.Refused(to.strip() + " has not written in the last 24 hours: WhatsApp allows only an"
                    + " approved template outside the customer service window, not free text.");
        }
        var existing = conversation.get();
        if (existing.mode() != Mode.HUMAN) {
            conversations.save(existing.withMode(Mode.HUMAN));
        }
        var entry = outbox.enqueue(existing.id(), Author.STAFF, text.strip(), null, now);
        repliesQueued.run();
        events.changed(existing.id());
        return new Outcome.Queued(existing.id(), entry);
    }

    /** A business-scoped user id (IT.123…) as is; anything else must be a phone number, stored as WhatsApp does. */
    static Customer recipient(String to) {
        if (to.matches("[A-Z]{2}\\.[A-Za-z0-9.]{1,140}")) {
            return Customer.of(to, null, null);
        }
        return switch (PhoneNumber.check(to)) {
            case FieldCheck.Valid(var e164) -> Customer.of(null, e164.substring(1), null);
            case FieldCheck.Invalid(var reason) ->
                throw new IllegalArgumentException(
                        "'" + to + "' is neither a phone number with country code nor a WhatsApp user id: " + reason);
        };
    }
}

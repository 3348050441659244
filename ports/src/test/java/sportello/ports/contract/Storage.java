package sportello.ports.contract;

import sportello.ports.out.Conversations;
import sportello.ports.out.Inbox;
import sportello.ports.out.Outbox;

/** The three storage ports of one implementation, sharing one store. */
public record Storage(Conversations conversations, Inbox inbox, Outbox outbox) {

    public static <T extends Conversations & Inbox & Outbox> Storage of(T all) {
        return new Storage(all, all, all);
    }
}

package sportello.ports.contract;

import sportello.ports.out.Analytics;
import sportello.ports.out.Conversations;
import sportello.ports.out.Inbox;
import sportello.ports.out.Outbox;
import sportello.ports.out.UsageLog;

/** The storage ports of one implementation, sharing one store; analytics read what the others wrote. */
public record Storage(Conversations conversations, Inbox inbox, Outbox outbox, UsageLog usage, Analytics analytics) {

    public static <T extends Conversations & Inbox & Outbox & UsageLog & Analytics> Storage of(T all) {
        return new Storage(all, all, all, all, all);
    }
}

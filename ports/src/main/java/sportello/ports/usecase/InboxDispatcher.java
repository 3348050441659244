package sportello.ports.usecase;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.in.ReceiveCustomerMessage;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;

/**
 * Takes pending messages from the inbox and hands each to its customer's lane. A message that keeps failing is
 * marked failed after a few tries, so one poisoned message never blocks the others.
 */
public final class InboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);
    private static final int MAX_TRIES = 5;

    private final Inbox inbox;
    private final ReceiveCustomerMessage handler;
    private final ConversationLanes lanes;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();

    public InboxDispatcher(Inbox inbox, ReceiveCustomerMessage handler, ConversationLanes lanes) {
        this.inbox = inbox;
        this.handler = handler;
        this.lanes = lanes;
    }

    /** Dispatches everything pending that is not already being processed. */
    public void dispatchPending() {
        for (InboxEntry entry : inbox.pending(500)) {
            if (inFlight.add(entry.id())) {
                lanes.submit(entry.message().customer().key(), () -> process(entry));
            }
        }
    }

    private void process(InboxEntry entry) {
        try {
            handler.receive(entry);
            failures.remove(entry.id());
        } catch (RuntimeException e) {
            int tries = failures.merge(entry.id(), 1, Integer::sum);
            if (tries >= MAX_TRIES) {
                log.error("Message {} failed {} times and is set aside for staff", entry.id(), tries, e);
                failures.remove(entry.id());
                markFailed(entry, e);
            } else {
                log.warn("Message {} failed (try {}), will try again: {}", entry.id(), tries, e.toString());
            }
        } finally {
            inFlight.remove(entry.id());
        }
    }

    private void markFailed(InboxEntry entry, RuntimeException cause) {
        try {
            inbox.markFailed(entry.id(), String.valueOf(cause.getMessage()));
        } catch (RuntimeException e) {
            log.error("Could not mark message {} as failed: {}", entry.id(), e.getMessage());
        }
    }
}

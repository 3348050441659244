package sportello.ports.usecase;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.customer.CustomerKey;
import sportello.ports.in.ReceiveCustomerMessage;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.StorageUnavailable;

/**
 * Takes pending messages from the inbox and hands them, customer by customer, to that customer's lane. Messages
 * a customer types in a quick burst wait until the burst is over ({@code debounce}, never longer than
 * {@link #MAX_HOLD}) and are answered together. A burst that keeps failing is marked failed after a few tries, so
 * one poisoned message never blocks the others.
 *
 * <p>Under a backlog the oldest pending messages, the ones a read returns, are the ones being processed, so a read
 * while nothing has finished finds nothing new to dispatch, and every stored webhook asks for one. When the last
 * read filled its window, the next one waits until enough bursts have finished ({@link #REREAD_AFTER}, or a quarter
 * of those in flight), a held burst may be due, or {@link #REREAD_AT_LEAST_EVERY} has passed.
 */
public final class InboxDispatcher {

    static final Duration MAX_HOLD = Duration.ofSeconds(10);
    /** Most pending messages read at once. */
    static final int WINDOW = 500;
    /** With the window full, finished bursts that make a new read worth it. */
    static final int REREAD_AFTER = 64;
    /** With the window full, the longest time between reads, whatever happened. */
    static final Duration REREAD_AT_LEAST_EVERY = Duration.ofSeconds(1);

    /** How long a burst waits after storage was unavailable before it is tried again. */
    static final Duration STORAGE_PAUSE = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);
    static final int MAX_TRIES = 5;

    private final Inbox inbox;
    private final ReceiveCustomerMessage handler;
    private final ConversationLanes lanes;
    private final InstantSource clock;
    private final Duration debounce;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();
    private final Map<Long, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final Set<Long> shown = ConcurrentHashMap.newKeySet();
    private final AtomicInteger burstsInFlight = new AtomicInteger();
    private final AtomicInteger finishedSinceRead = new AtomicInteger();
    // guarded by this (dispatchPending)
    private boolean windowFull;
    private Instant lastRead = Instant.MIN;
    private Instant heldUntil = Instant.MAX;
    private long reads;

    public InboxDispatcher(
            Inbox inbox,
            ReceiveCustomerMessage handler,
            ConversationLanes lanes,
            InstantSource clock,
            Duration debounce) {
        this.inbox = inbox;
        this.handler = handler;
        this.lanes = lanes;
        this.clock = clock;
        this.debounce = debounce;
    }

    /** Dispatches every customer's pending messages whose burst is over and that are not being processed. */
    public synchronized void dispatchPending() {
        Instant now = clock.instant();
        if (!worthReading(now)) {
            return;
        }
        finishedSinceRead.set(0);
        lastRead = now;
        reads++;
        var pending = inbox.pending(WINDOW);
        windowFull = pending.size() >= WINDOW;
        heldUntil = Instant.MAX;
        var byCustomer = new LinkedHashMap<CustomerKey, List<InboxEntry>>();
        for (InboxEntry entry : pending) {
            byCustomer
                    .computeIfAbsent(entry.message().customer().key(), key -> new ArrayList<>())
                    .add(entry);
        }
        byCustomer.forEach((customer, burst) -> {
            if (burst.stream().anyMatch(e -> inFlight.contains(e.id()))) {
                return;
            }
            if (stillTyping(burst, now)) {
                heldUntil = min(heldUntil, endOfHold(burst));
                showWhileTyping(customer, burst);
                return;
            }
            Instant paused = pausedUntil.get(burst.getFirst().id());
            if (paused != null && now.isBefore(paused)) {
                heldUntil = min(heldUntil, paused);
                return;
            }
            burst.forEach(e -> inFlight.add(e.id()));
            burstsInFlight.incrementAndGet();
            lanes.submit(customer, () -> process(burst));
        });
    }

    /**
     * A read that filled the window is repeated only once it can find something new: the messages after the window
     * move into it only as the ones in it finish.
     */
    private boolean worthReading(Instant now) {
        if (!windowFull) {
            return true;
        }
        int enough = Math.max(1, Math.min(REREAD_AFTER, burstsInFlight.get() / 4));
        return finishedSinceRead.get() >= enough
                || !now.isBefore(heldUntil)
                || !now.isBefore(lastRead.plus(REREAD_AT_LEAST_EVERY));
    }

    /** Bursts finished since the last read, for tests. */
    int finishedSinceLastRead() {
        return finishedSinceRead.get();
    }

    /** How many times the inbox was read, for tests. */
    synchronized long reads() {
        return reads;
    }

    private boolean stillTyping(List<InboxEntry> burst, Instant now) {
        if (debounce.isZero() || debounce.isNegative()) {
            return false;
        }
        return now.isBefore(endOfHold(burst));
    }

    /** When a burst is answered even if the customer goes on typing. */
    private Instant endOfHold(List<InboxEntry> burst) {
        Instant newest = burst.getLast().receivedAt();
        Instant oldest = burst.getFirst().receivedAt();
        return min(newest.plus(debounce), oldest.plus(MAX_HOLD));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Staff see what the customer wrote at once; only the answer waits for the end of the burst. */
    private void showWhileTyping(CustomerKey customer, List<InboxEntry> burst) {
        var unseen = burst.stream().filter(e -> !shown.contains(e.id())).toList();
        if (unseen.isEmpty()) {
            return;
        }
        unseen.forEach(e -> inFlight.add(e.id()));
        lanes.submit(customer, () -> {
            try {
                handler.record(unseen);
                unseen.forEach(e -> shown.add(e.id()));
            } catch (RuntimeException e) {
                log.warn("Messages {} could not be shown yet, will try again: {}", ids(unseen), e.toString());
            } finally {
                unseen.forEach(e -> inFlight.remove(e.id()));
                finishedSinceRead.incrementAndGet();
            }
        });
    }

    private void process(List<InboxEntry> burst) {
        long key = burst.getFirst().id();
        try {
            handler.receive(burst);
            failures.remove(key);
            pausedUntil.remove(key);
        } catch (RuntimeException e) {
            if (storageWasUnavailable(e)) {
                // a busy pool or a full disk says nothing about the message: pause it, never set it aside for this
                pausedUntil.put(key, clock.instant().plus(STORAGE_PAUSE));
                log.warn(
                        "Messages {} wait for storage, will try again in {} s: {}",
                        ids(burst),
                        STORAGE_PAUSE.toSeconds(),
                        e.toString());
                return;
            }
            pausedUntil.remove(key);
            int tries = failures.merge(key, 1, Integer::sum);
            if (tries >= MAX_TRIES) {
                log.error("Messages {} failed {} times and are set aside for staff", ids(burst), tries, e);
                failures.remove(key);
                burst.forEach(entry -> markFailed(entry, e));
            } else {
                log.warn("Messages {} failed (try {}), will try again: {}", ids(burst), tries, e.toString());
            }
        } finally {
            burst.forEach(e -> {
                inFlight.remove(e.id());
                shown.remove(e.id());
            });
            burstsInFlight.decrementAndGet();
            finishedSinceRead.incrementAndGet();
        }
    }

    private static boolean storageWasUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageUnavailable) {
                return true;
            }
        }
        return false;
    }

    private static List<Long> ids(List<InboxEntry> burst) {
        return burst.stream().map(InboxEntry::id).toList();
    }

    private void markFailed(InboxEntry entry, RuntimeException cause) {
        try {
            inbox.markFailed(entry.id(), String.valueOf(cause.getMessage()));
        } catch (RuntimeException e) {
            log.error("Could not mark message {} as failed: {}", entry.id(), e.getMessage());
        }
    }
}

package sportello.ports.usecase;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.in.RaiseAlert;
import sportello.ports.out.Channel;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.Conversations;
import sportello.ports.out.Metrics;
import sportello.ports.out.Outbox;
import sportello.ports.out.OutboxEntry;
import sportello.ports.out.StorageUnavailable;

/**
 * Sends what the outbox holds. Retries only what the channel provably did not take; a send whose outcome is
 * unknown is parked and resent only if no status report shows the channel has it, so a timeout never becomes a
 * double message.
 */
public final class DeliveringReplies {

    private static final Logger log = LoggerFactory.getLogger(DeliveringReplies.class);
    static final String REFUSED_ALERT = "channel.refused";
    static final String BLOCKED_ALERT = "channel.blocked";
    /** While the channel is blocked, one message tries again this often; the rest wait untouched. */
    static final Duration BLOCKED_PAUSE = Duration.ofMinutes(1);
    /** How often a round also looks for sends another instance was cut off in (several instances, one database). */
    static final Duration RECOVERY_INTERVAL = Duration.ofMinutes(1);
    /** Conversations sent to at once; the channel's own pacing still bounds the messages per second. */
    static final int SENDERS = 8;
    /** While sends are under way and nothing else is due, how often to look for newly queued replies. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(200);

    private final Outbox outbox;
    private final Conversations conversations;
    private final Channel channel;
    private final InstantSource clock;
    private final Policy policy;
    private final ConversationEvents events;
    private final RaiseAlert alerts;
    private final Metrics metrics;
    private volatile java.time.Instant pausedUntil = java.time.Instant.MIN;
    private final java.util.Queue<Unrecorded> unrecorded = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean blocked; // the channel refused everything last time; true until a send goes through
    private java.time.Instant nextRecovery = java.time.Instant.MIN; // only the sending thread reads or writes it

    /**
     * How hard to try: a message whose sends keep failing in a way that is safe to repeat is given up only after
     * {@code maxAttempts} tries <em>and</em> {@code keepTrying} since it was queued, so an outage at the channel of
     * any length up to that delays replies instead of failing them; backoff bounds; and how long to wait on an
     * unknown outcome.
     */
    public record Policy(
            int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration inDoubtWait, Duration keepTrying) {
        public static final Policy DEFAULT =
                new Policy(6, Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofHours(6));

        public Policy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration inDoubtWait) {
            this(maxAttempts, firstBackoff, maxBackoff, inDoubtWait, Duration.ZERO);
        }
    }

    public DeliveringReplies(
            Outbox outbox,
            Conversations conversations,
            Channel channel,
            InstantSource clock,
            Policy policy,
            ConversationEvents events) {
        this(outbox, conversations, channel, clock, policy, events, RaiseAlert.NONE);
    }

    public DeliveringReplies(
            Outbox outbox,
            Conversations conversations,
            Channel channel,
            InstantSource clock,
            Policy policy,
            ConversationEvents events,
            RaiseAlert alerts) {
        this(outbox, conversations, channel, clock, policy, events, alerts, Metrics.NONE);
    }

    public DeliveringReplies(
            Outbox outbox,
            Conversations conversations,
            Channel channel,
            InstantSource clock,
            Policy policy,
            ConversationEvents events,
            RaiseAlert alerts,
            Metrics metrics) {
        this.outbox = outbox;
        this.conversations = conversations;
        this.channel = channel;
        this.clock = clock;
        this.policy = policy;
        this.events = events;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    /**
     * Sends every entry that is due now, up to {@link #SENDERS} conversations at once (the outbox never hands out a
     * second entry of a conversation while one is being sent, so each conversation's replies keep their order, and a
     * send the channel is slow to answer holds back only its own conversation); while the channel is blocked, only
     * one now and then. Returns how many were sent.
     */
    public int deliverDue() {
        recordUnrecorded();
        recoverNowAndThen();
        int width = blocked ? 1 : SENDERS; // a blocked channel is probed with one message, not eight
        int sent = 0;
        int underWay = 0;
        var finished = new LinkedBlockingQueue<String>();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                for (; underWay >= width; underWay--) {
                    finished.take();
                }
                // One at a time: a claim marks the entry as being sent, and after a crash every entry so marked is in
                // doubt, so claiming more than the sends under way would hold back replies that were never sent.
                var claimed = paused() ? List.<OutboxEntry>of() : outbox.claimDue(clock.instant(), 1);
                if (claimed.isEmpty()) {
                    if (underWay == 0) {
                        break;
                    }
                    // a send that ends may free the next message of its conversation, and new replies may be queued
                    // meanwhile: look again soon rather than wait for a send the channel is slow to answer
                    if (finished.poll(LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS) != null) {
                        underWay--;
                    }
                    continue;
                }
                var entry = claimed.getFirst();
                underWay++;
                sent++;
                senders.submit(() -> {
                    try {
                        deliver(entry);
                    } catch (RuntimeException e) {
                        log.error("Sending outbox entry {} failed unexpectedly; it is retried", entry.id(), e);
                    } finally {
                        finished.add(entry.id());
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the sends under way finish before close returns
        }
        return sent;
    }

    /** Whether sending is paused because the channel is blocked. */
    public boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }

    /**
     * Between rounds none of this instance's sends is under way, so a send still marked as under way was cut off:
     * by this instance's previous run, or by another instance that died (several instances on one database, whose
     * outbox hands out only those). Skipped while an outcome is still waiting to be recorded: that entry is ours.
     */
    private void recoverNowAndThen() {
        var now = clock.instant();
        if (now.isBefore(nextRecovery) || !unrecorded.isEmpty()) {
            return;
        }
        nextRecovery = now.plus(RECOVERY_INTERVAL);
        try {
            recoverInterruptedSends();
        } catch (StorageUnavailable e) {
            log.warn("Could not look for interrupted sends, trying again in a minute: {}", e.getMessage());
        }
    }

    /** After a restart: sends that were cut off mid-way are in doubt, never simply repeated. */
    public void recoverInterruptedSends() {
        for (OutboxEntry entry : outbox.interruptedSends()) {
            log.warn(
                    "Send of outbox entry {} was interrupted by a restart; waiting for the channel's report",
                    entry.id());
            outbox.inDoubt(entry.id(), clock.instant().plus(policy.inDoubtWait()), "interrupted by a restart");
        }
    }

    /**
     * One entry of a claimed batch. A storage failure must not end the round: the rest of the batch is claimed
     * already and would otherwise stay "sending" until a restart.
     */
    private void deliver(OutboxEntry entry) {
        try {
            send(entry);
        } catch (StorageUnavailable e) {
            // only reads before the channel was asked fail here: nothing was sent, so trying again is safe
            log.warn("Outbox entry {} not sent, storage busy: {}", entry.id(), e.getMessage());
            keep(entry, new Channel.SendResult.RetryLater("storage busy: " + e.getMessage(), Duration.ofSeconds(1)));
        } finally {
            events.changed(entry.conversation());
        }
    }

    private void send(OutboxEntry entry) {
        var known = outbox.channelIdFromStatusReports(entry.id());
        if (known.isPresent()) {
            keep(entry, new Channel.SendResult.Accepted(known.get()));
            return;
        }
        var result = entry.templateValue()
                .map(template -> channel.sendTemplate(entry.recipient(), template, entry.id()))
                .orElseGet(() -> channel.send(entry.recipient(), entry.text(), entry.id()));
        metrics.send(
                switch (result) {
                    case Channel.SendResult.Accepted accepted -> "accepted";
                    case Channel.SendResult.RetryLater retry -> "retry";
                    case Channel.SendResult.InDoubt inDoubt -> "in_doubt";
                    case Channel.SendResult.Refused refused -> "refused";
                    case Channel.SendResult.Blocked blocked -> "blocked";
                    case Channel.SendResult.OutsideWindow outside -> "outside_window";
                });
        keep(entry, result);
    }

    /** Records the outcome, or keeps it to record on the next round: it must not be lost (a resend may double). */
    private void keep(OutboxEntry entry, Channel.SendResult result) {
        try {
            recordOutcome(entry, result);
        } catch (StorageUnavailable e) {
            log.warn(
                    "Outcome of outbox entry {} not recorded yet, will record it again: {}",
                    entry.id(),
                    e.getMessage());
            unrecorded.add(new Unrecorded(entry, result));
        }
    }

    /** A send whose outcome could not be written (database busy or failing); written on the next round. */
    private record Unrecorded(OutboxEntry entry, Channel.SendResult result) {}

    private void recordUnrecorded() {
        for (var pending : List.copyOf(unrecorded)) {
            try {
                recordOutcome(pending.entry(), pending.result());
                unrecorded.remove(pending);
                events.changed(pending.entry().conversation());
            } catch (StorageUnavailable e) {
                log.warn(
                        "Outcome of outbox entry {} still not recorded: {}",
                        pending.entry().id(),
                        e.getMessage());
                return;
            }
        }
    }

    private void recordOutcome(OutboxEntry entry, Channel.SendResult result) {
        switch (result) {
            case Channel.SendResult.Accepted(var channelMessageId) -> {
                blocked = false;
                outbox.accepted(entry.id(), channelMessageId);
                alerts.resolve(REFUSED_ALERT);
                alerts.resolve(BLOCKED_ALERT);
            }
            case Channel.SendResult.Blocked(var reason) -> pause(entry, reason);
            case Channel.SendResult.OutsideWindow(var reason) -> outsideWindow(entry, reason);
            case Channel.SendResult.RetryLater(var reason, var after) -> retryOrGiveUp(entry, reason, after);
            case Channel.SendResult.InDoubt(var reason) -> {
                log.warn("Outcome of outbox entry {} unknown ({}); not resending before a recheck", entry.id(), reason);
                outbox.inDoubt(entry.id(), clock.instant().plus(policy.inDoubtWait()), reason);
            }
            case Channel.SendResult.Refused(var reason, var critical) -> fail(entry, reason, critical);
        }
    }

    /** Nothing is lost while blocked: the message waits, and sending resumes by itself once the cause is fixed. */
    private void pause(OutboxEntry entry, String reason) {
        blocked = true;
        pausedUntil = clock.instant().plus(BLOCKED_PAUSE);
        log.error("CRITICAL: sending paused, messages are kept and retried every minute: {}", reason);
        alerts.raise(BLOCKED_ALERT, "Sending to customers is paused", reason);
        outbox.retryAt(entry.id(), pausedUntil, reason);
    }

    /** Staff see why, and the dashboard offers a template instead of free text from now on. */
    private void outsideWindow(OutboxEntry entry, String reason) {
        log.warn("Message to conversation {} refused, the 24-hour window is closed: {}", entry.conversation(), reason);
        outbox.failed(entry.id(), reason);
        var now = clock.instant();
        conversations
                .byId(entry.conversation())
                .ifPresent(c -> conversations.save(
                        c.windowClosedByChannel(now).flagForStaff("Delivery failed: " + reason, now)));
    }

    private void retryOrGiveUp(OutboxEntry entry, String reason, Duration hint) {
        int attempt = entry.attempts() + 1;
        boolean waitedLongEnough = entry.createdAt() == null
                || !clock.instant().isBefore(entry.createdAt().plus(policy.keepTrying()));
        if (attempt >= policy.maxAttempts() && waitedLongEnough) {
            fail(entry, "gave up after " + attempt + " attempts: " + reason, false);
            return;
        }
        Duration wait = max(hint, backoff(attempt));
        log.info("Outbox entry {} not sent ({}); retry {} in {} ms", entry.id(), reason, attempt, wait.toMillis());
        outbox.retryAt(entry.id(), clock.instant().plus(wait), reason);
    }

    private void fail(OutboxEntry entry, String reason, boolean critical) {
        if (critical) {
            log.error("CRITICAL: message to conversation {} refused: {}", entry.conversation(), reason);
            alerts.raise(REFUSED_ALERT, "WhatsApp refuses to send messages", reason);
        } else {
            log.warn("Message to conversation {} failed: {}", entry.conversation(), reason);
        }
        outbox.failed(entry.id(), reason);
        conversations
                .byId(entry.conversation())
                .ifPresent(c -> conversations.save(c.flagForStaff("Delivery failed: " + reason, clock.instant())));
    }

    /** Exponential with jitter so that many conversations do not retry in lockstep. */
    private Duration backoff(int attempt) {
        long base = policy.firstBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, policy.maxBackoff().toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.25;
        return Duration.ofMillis((long) (capped * jitter));
    }

    private static Duration max(Duration a, Duration b) {
        return a != null && a.compareTo(b) > 0 ? a : b;
    }
}

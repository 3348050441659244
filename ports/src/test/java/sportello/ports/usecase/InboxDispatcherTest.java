package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.customer.Customer;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.ReceiveCustomerMessage;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.RawDelivery;

/**
 * Under a backlog every stored webhook wakes the dispatcher, while the messages a read returns are still being
 * processed: those wakes must not re-read the inbox each time, and every message must still be handled.
 */
class InboxDispatcherTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private final ConversationLanes lanes = new ConversationLanes();
    private final GatedHandler handler = new GatedHandler(storage);
    private final InboxDispatcher dispatcher = new InboxDispatcher(storage, handler, lanes, clock, Duration.ZERO);

    @AfterEach
    void stop() {
        handler.open(Integer.MAX_VALUE / 2);
        lanes.close();
    }

    private void arrive(int customers, int from) {
        for (int i = from; i < from + customers; i++) {
            var customer = Customer.of("IT." + (1_000_000 + i), "39333" + (1_000_000 + i), "Cliente " + i);
            storage.store(
                    new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), clock.instant()),
                    List.of(text(customer, "wamid." + i, "Ciao")),
                    List.of());
        }
    }

    /** The dispatcher counts a burst as finished just after the handler returns. */
    private void awaitCounted(int finished) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dispatcher.finishedSinceLastRead() < finished && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(dispatcher.finishedSinceLastRead()).isEqualTo(finished);
    }

    @Test
    void wakesWhileAFullWindowIsInFlight_doNotReadTheInboxAgain() {
        arrive(InboxDispatcher.WINDOW + 100, 0);

        dispatcher.dispatchPending();
        assertThat(handler.awaitStarted(InboxDispatcher.WINDOW)).hasSize(InboxDispatcher.WINDOW);
        for (int webhook = 0; webhook < 200; webhook++) {
            arrive(1, 10_000 + webhook);
            dispatcher.dispatchPending(); // what every stored webhook does
        }

        assertThat(dispatcher.reads()).isEqualTo(1);
        assertThat(handler.awaitStarted(InboxDispatcher.WINDOW)).hasSize(InboxDispatcher.WINDOW);
    }

    @Test
    void finishedBursts_letTheNextReadDispatchTheMessagesBehindTheWindow() {
        arrive(InboxDispatcher.WINDOW + 100, 0);
        dispatcher.dispatchPending();

        handler.open(InboxDispatcher.REREAD_AFTER - 1);
        handler.awaitFinished(InboxDispatcher.REREAD_AFTER - 1);
        awaitCounted(InboxDispatcher.REREAD_AFTER - 1);
        dispatcher.dispatchPending();
        assertThat(dispatcher.reads()).as("too few finished to be worth a read").isEqualTo(1);

        handler.open(1);
        handler.awaitFinished(InboxDispatcher.REREAD_AFTER);
        awaitCounted(InboxDispatcher.REREAD_AFTER);
        dispatcher.dispatchPending();
        assertThat(dispatcher.reads()).isEqualTo(2);
        assertThat(handler.awaitStarted(InboxDispatcher.WINDOW + InboxDispatcher.REREAD_AFTER))
                .hasSize(InboxDispatcher.WINDOW + InboxDispatcher.REREAD_AFTER);
    }

    @Test
    void withTheWindowFull_aReadStillComesAfterAWhile_evenIfLittleFinished() {
        arrive(InboxDispatcher.WINDOW + 10, 0);
        dispatcher.dispatchPending();
        handler.open(1);
        handler.awaitFinished(1);
        awaitCounted(1);

        clock.advance(InboxDispatcher.REREAD_AT_LEAST_EVERY);
        dispatcher.dispatchPending();

        assertThat(dispatcher.reads()).isEqualTo(2);
        assertThat(handler.awaitStarted(InboxDispatcher.WINDOW + 1)).hasSize(InboxDispatcher.WINDOW + 1);
    }

    @Test
    void backlogLargerThanTheWindow_isAllHandledOnce() {
        int messages = 3 * InboxDispatcher.WINDOW + 7;
        arrive(messages, 0);
        handler.open(Integer.MAX_VALUE / 2);

        for (int round = 0; round < 100 && !storage.pending(1).isEmpty(); round++) {
            dispatcher.dispatchPending();
            lanes.awaitIdle(Duration.ofSeconds(10));
        }

        assertThat(storage.pending(1)).isEmpty();
        assertThat(handler.started()).hasSize(messages).doesNotHaveDuplicates();
    }

    @Test
    void aBurstThatFailed_isTriedAgain_whileTheWindowIsFull() {
        arrive(InboxDispatcher.WINDOW + 10, 0);
        handler.failFirst();
        dispatcher.dispatchPending();
        handler.open(1);
        handler.awaitFinished(1);
        awaitCounted(1);

        clock.advance(InboxDispatcher.REREAD_AT_LEAST_EVERY);
        dispatcher.dispatchPending();

        handler.awaitStarted(InboxDispatcher.WINDOW + 1);
        assertThat(handler.started().stream().filter(id -> id == handler.failed()))
                .as("the failed message is dispatched again")
                .hasSize(2);
    }

    /** Starts every burst at once, and lets them finish only when told to. */
    private static final class GatedHandler implements ReceiveCustomerMessage {
        private final InMemoryStorage inbox;
        private final Semaphore gate = new Semaphore(0);
        private final Semaphore finished = new Semaphore(0);
        private final List<Long> started = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean failFirst;
        private volatile long failed = -1;

        GatedHandler(InMemoryStorage inbox) {
            this.inbox = inbox;
        }

        @Override
        public void receive(List<InboxEntry> burst) {
            burst.forEach(e -> started.add(e.id()));
            try {
                gate.acquire();
                synchronized (this) {
                    if (failFirst) {
                        failFirst = false;
                        failed = burst.getFirst().id();
                        throw new IllegalStateException("agent down");
                    }
                }
                burst.forEach(e -> inbox.markDone(e.id()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finished.release();
            }
        }

        @Override
        public void record(List<InboxEntry> burst) {}

        void open(int bursts) {
            gate.release(bursts);
        }

        void failFirst() {
            failFirst = true;
        }

        long failed() {
            return failed;
        }

        /** Waits until {@code total} bursts have returned since the test began. */
        void awaitFinished(int total) {
            try {
                assertThat(finished.tryAcquire(total, 10, TimeUnit.SECONDS)).isTrue();
                finished.release(total);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits until {@code count} messages have been started, then returns those started. */
        List<Long> awaitStarted(int count) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (started.size() < count && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return started();
        }

        List<Long> started() {
            return List.copyOf(started);
        }
    }
}

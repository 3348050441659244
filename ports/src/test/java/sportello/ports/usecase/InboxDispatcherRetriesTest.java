package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.ReceiveCustomerMessage;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.StorageUnavailable;

/**
 * A message whose handling keeps failing is set aside for staff after a few tries, but storage being busy or full
 * says nothing about the message: it waits and is answered once storage is back, however long that takes.
 */
class InboxDispatcherRetriesTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private final ConversationLanes lanes = new ConversationLanes();

    @AfterEach
    void stop() {
        lanes.close();
    }

    private void arrives() {
        storage.store(
                new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), clock.instant()),
                List.of(text(giulia(), "wamid.1", "Ciao, dov'è il mio ordine?")),
                List.of());
    }

    private void round(InboxDispatcher dispatcher, Duration later) {
        dispatcher.dispatchPending();
        lanes.awaitIdle(Duration.ofSeconds(10));
        clock.advance(later);
    }

    @Test
    void storageUnavailable_manyMoreTimesThanTheTries_theMessageIsStillAnswered() {
        var handler = new FailingHandler(
                storage,
                InboxDispatcher.MAX_TRIES * 3,
                () -> new StorageUnavailable("all connections stayed busy for 5000 ms", null));
        var dispatcher = new InboxDispatcher(storage, handler, lanes, clock, Duration.ZERO);
        arrives();

        for (int i = 0; i < InboxDispatcher.MAX_TRIES * 3 + 1; i++) {
            round(dispatcher, InboxDispatcher.STORAGE_PAUSE);
        }

        assertThat(handler.answered.get()).isEqualTo(1);
        assertThat(storage.pendingCount()).isZero();
    }

    @Test
    void storageUnavailable_theMessageWaitsBeforeItIsTriedAgain() {
        var handler = new FailingHandler(storage, 1, () -> new StorageUnavailable("disk full", null));
        var dispatcher = new InboxDispatcher(storage, handler, lanes, clock, Duration.ZERO);
        arrives();

        round(dispatcher, InboxDispatcher.STORAGE_PAUSE.minusMillis(1));
        round(dispatcher, Duration.ofMillis(1));
        assertThat(handler.calls.get())
                .as("not tried again before the pause is over")
                .isEqualTo(1);

        round(dispatcher, Duration.ZERO);
        assertThat(handler.calls.get()).isEqualTo(2);
        assertThat(handler.answered.get()).isEqualTo(1);
    }

    @Test
    void anotherFailure_setsTheMessageAsideAfterTheTries_soOneBadMessageBlocksNobody() {
        var handler = new FailingHandler(storage, Integer.MAX_VALUE, () -> new IllegalStateException("unreadable"));
        var dispatcher = new InboxDispatcher(storage, handler, lanes, clock, Duration.ZERO);
        arrives();

        for (int i = 0; i < InboxDispatcher.MAX_TRIES + 2; i++) {
            round(dispatcher, Duration.ofSeconds(1));
        }

        assertThat(handler.calls.get()).isEqualTo(InboxDispatcher.MAX_TRIES);
        assertThat(handler.answered.get()).isZero();
        assertThat(storage.pendingCount())
                .as("set aside (failed), no longer pending")
                .isZero();
    }

    private static final class FailingHandler implements ReceiveCustomerMessage {
        private final InMemoryStorage inbox;
        private final int failures;
        private final Supplier<RuntimeException> failure;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();

        FailingHandler(InMemoryStorage inbox, int failures, Supplier<RuntimeException> failure) {
            this.inbox = inbox;
            this.failures = failures;
            this.failure = failure;
        }

        @Override
        public void receive(List<InboxEntry> burst) {
            if (calls.incrementAndGet() <= failures) {
                throw failure.get();
            }
            answered.incrementAndGet();
            burst.forEach(e -> inbox.markDone(e.id()));
        }

        @Override
        public void record(List<InboxEntry> burst) {}
    }
}

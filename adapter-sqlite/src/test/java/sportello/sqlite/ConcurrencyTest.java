package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.OutboxEntry;

/** Workers and webhook requests share one file; the write lock keeps each of them from seeing half a change. */
class ConcurrencyTest {

    private static final int THREADS = 8;

    @TempDir
    Path dir;

    private StorageOnFile storage;

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("sportello.db"));
    }

    @Test
    void eightSendersClaimingTogether_claimEachEntryExactlyOnce() throws Exception {
        for (int c = 0; c < 25; c++) {
            var conversation = storage.conversationWith("c" + c, giulia()).id();
            for (int i = 0; i < 8; i++) {
                storage.outbox().enqueue(conversation, Author.STAFF, "messaggio " + i, null, T0.plusMillis(i));
            }
        }
        var claimed = new ConcurrentLinkedQueue<String>();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

        runTogether(() -> {
            while (claimed.size() < 200 && System.nanoTime() < deadline) {
                for (OutboxEntry entry : storage.outbox().claimDue(T0.plusSeconds(1), 7)) {
                    claimed.add(entry.id());
                    storage.outbox().accepted(entry.id(), "wamid." + entry.id()); // the send ends
                }
            }
            return null;
        });

        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
        assertThat(storage.outbox().unsentCount()).isZero();
    }

    @Test
    void sameDeliveryArrivingEightTimesAtOnce_isStoredOnce() throws Exception {
        var message = text(giulia(), "wamid.1", "Ciao");

        var fresh = runTogether(() -> storage.inbox().store(StorageOnFile.raw(), List.of(message), List.of()));

        assertThat(fresh.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(storage.inbox().pending(10)).hasSize(1);
    }

    @Test
    void eightWorkersAnsweringTheSameMessage_queueOneReply() throws Exception {
        ConversationId conversation = storage.conversationWith("c1", giulia()).id();

        var entries = runTogether(() -> storage.outbox().enqueue(conversation, Author.BOT, "Ciao!", "m-c1", T0));

        assertThat(entries)
                .extracting(OutboxEntry::id)
                .containsOnly(entries.getFirst().id());
        assertThat(storage.outbox().unsentCount()).isEqualTo(1);
    }

    /** Starts the same task on {@link #THREADS} threads at once and returns what each returned. */
    private static <T> List<T> runTogether(Callable<T> task) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}

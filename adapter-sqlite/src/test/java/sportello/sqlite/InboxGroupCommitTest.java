package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.status;
import static sportello.ports.fake.TestMessages.text;
import static sportello.sqlite.HeldWriteTurn.awaitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.StatusReport;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.StorageUnavailable;
import sportello.sql.Timestamps;

/**
 * Webhook deliveries stored at the same time share one commit, and each caller still learns exactly what became of
 * its own. Overlap is arranged by holding the write turn while callers queue, never by timing.
 */
@Timeout(60)
class InboxGroupCommitTest {

    @TempDir
    Path dir;

    private SqliteDatabase database;
    private SqliteInbox inbox;
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void setUp() {
        database = SqliteDatabase.migrated(dir.resolve("sportello.db"));
        inbox = new SqliteInbox(database);
    }

    @AfterEach
    void tearDown() {
        callers.close();
    }

    @Test
    void loneStore_isItsOwnCommit() {
        int fresh = inbox.store(StorageOnFile.raw(), List.of(text(giulia(), "wamid.1", "Ciao")), List.of());

        assertThat(fresh).isEqualTo(1);
        assertThat(inbox.storeCommits()).isEqualTo(new SqliteInbox.StoreCommits(1, 1));
    }

    @Test
    void storesQueuedBehindAnotherWrite_shareOneCommit() throws Exception {
        var stores = new ArrayList<Future<Integer>>();

        try (var turn = HeldWriteTurn.take(database)) {
            for (int i = 0; i < 8; i++) {
                stores.add(storeLater(text(giulia(), "wamid." + i, "messaggio " + i)));
            }
            awaitUntil(() -> inbox.storesWaiting() == 8);
        }

        assertThat(results(stores)).containsOnly(1);
        assertThat(inbox.storeCommits()).isEqualTo(new SqliteInbox.StoreCommits(1, 8));
        assertThat(inbox.pending(20)).hasSize(8);
    }

    @Test
    void moreStoresQueuedThanOneCommitTakes_areCommittedInTheNextOne() throws Exception {
        int queued = SqliteInbox.MAX_DELIVERIES_PER_COMMIT + 44;
        var stores = new ArrayList<Future<Integer>>();

        try (var turn = HeldWriteTurn.take(database)) {
            for (int i = 0; i < queued; i++) {
                stores.add(storeLater(text(giulia(), "wamid." + i, "messaggio " + i)));
            }
            awaitUntil(() -> inbox.storesWaiting() == queued);
        }

        assertThat(results(stores)).hasSize(queued).containsOnly(1);
        assertThat(inbox.storeCommits()).isEqualTo(new SqliteInbox.StoreCommits(2, queued));
    }

    @Test
    void redeliveryInsideOneCommit_isStoredOnce_andNewOnlyForTheFirstCaller() throws Exception {
        var message = text(giulia(), "wamid.1", "Ciao");
        Future<Integer> first;
        Future<Integer> second;

        try (var turn = HeldWriteTurn.take(database)) {
            first = storeLater(message);
            awaitUntil(() -> inbox.storesWaiting() == 1);
            second = storeLater(message);
            awaitUntil(() -> inbox.storesWaiting() == 2);
        }

        assertThat(first.get()).isEqualTo(1);
        assertThat(second.get()).isZero();
        assertThat(inbox.storeCommits().commits()).isEqualTo(1);
        assertThat(inbox.pending(10)).hasSize(1);
    }

    @Test
    void deliveriesOfEveryShapeInOneCommit_eachKeepItsOwnRows() throws Exception {
        var first = text(giulia(), "wamid.1", "uno");
        Future<Integer> twoMessagesAndAReport;
        Future<?> unreadable;
        Future<Integer> onlyAReport;
        Future<Integer> aRepeat;

        try (var turn = HeldWriteTurn.take(database)) {
            twoMessagesAndAReport = callers.submit(() -> inbox.store(
                    receivedAt(1), List.of(first, text(giulia(), "wamid.2", "due")), List.of(report("wamid.out.1"))));
            awaitUntil(() -> inbox.storesWaiting() == 1);
            unreadable = callers.submit(() -> inbox.storeUnreadable(receivedAt(2), "not JSON"));
            awaitUntil(() -> inbox.storesWaiting() == 2);
            onlyAReport = callers.submit(() -> inbox.store(receivedAt(3), List.of(), List.of(report("wamid.out.3"))));
            awaitUntil(() -> inbox.storesWaiting() == 3);
            aRepeat = callers.submit(() -> inbox.store(receivedAt(4), List.of(first), List.of()));
            awaitUntil(() -> inbox.storesWaiting() == 4);
        }

        assertThat(twoMessagesAndAReport.get()).isEqualTo(2);
        unreadable.get();
        assertThat(onlyAReport.get()).isZero();
        assertThat(aRepeat.get()).isZero();
        assertThat(inbox.storeCommits()).isEqualTo(new SqliteInbox.StoreCommits(1, 4));
        assertThat(inbox.pending(10))
                .extracting(entry -> entry.message().channelMessageId(), InboxEntry::receivedAt)
                .containsExactly(tuple("wamid.1", T0.plusSeconds(1)), tuple("wamid.2", T0.plusSeconds(1)));
        assertThat(reportsWithTheirDeliveryTime())
                .containsExactly(
                        "wamid.out.1 " + Timestamps.text(T0.plusSeconds(1)),
                        "wamid.out.3 " + Timestamps.text(T0.plusSeconds(3)));
        assertThat(unreadableDeliveryTimes()).containsExactly(Timestamps.text(T0.plusSeconds(2)));
    }

    private List<String> reportsWithTheirDeliveryTime() {
        return database.inReadTransaction(
                "read the reports",
                handle -> handle.createQuery("SELECT r.channel_message_id, d.received_at FROM status_report r"
                                + " JOIN webhook_delivery d ON d.id = r.delivery_id ORDER BY r.id")
                        .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2))
                        .list());
    }

    private List<String> unreadableDeliveryTimes() {
        return database.inReadTransaction(
                "read the unreadable deliveries",
                handle -> handle.createQuery(
                                "SELECT received_at FROM webhook_delivery WHERE unreadable_reason IS NOT NULL")
                        .mapTo(String.class)
                        .list());
    }

    private static RawDelivery receivedAt(int second) {
        return new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(second));
    }

    private static StatusReport report(String channelMessageId) {
        return status(channelMessageId, DeliveryState.DELIVERED, null);
    }

    @Test
    void manyCallersAtOnce_storeEveryMessageOnce_andEachCountsOnlyWhatItStored() throws Exception {
        int threads = 64;
        int deliveriesEach = 50;
        var counts = new ArrayList<Future<int[]>>();

        for (int t = 0; t < threads; t++) {
            int thread = t;
            counts.add(callers.submit(() -> storeOneAfterAnother(thread, deliveriesEach)));
        }

        int stored = threads * deliveriesEach;
        for (int pair = 0; pair < threads / 2; pair++) {
            int[] even = counts.get(2 * pair).get();
            int[] odd = counts.get(2 * pair + 1).get();
            for (int i = 0; i < deliveriesEach; i++) {
                assertThat(even[i] + odd[i])
                        .as("pair %d, delivery %d: both own messages and the shared one once", pair, i)
                        .isEqualTo(3);
            }
        }
        var pending = inbox.pending(10_000);
        int expectedMessages = stored + stored / 2;
        assertThat(pending).hasSize(expectedMessages);
        assertThat(pending.stream().map(e -> e.message().channelMessageId()).distinct())
                .hasSize(expectedMessages);
        assertThat(inbox.storeCommits().deliveries()).isEqualTo(stored);
        assertThat(inbox.storeCommits().commits()).isBetween(1L, (long) stored);
    }

    /**
     * Thread {@code t} stores {@code n} deliveries one after the other, each with a message of its own and one that
     * its partner thread (t xor 1) delivers too, as when the channel redelivers while the first copy is stored.
     */
    private int[] storeOneAfterAnother(int thread, int n) {
        int[] fresh = new int[n];
        for (int i = 0; i < n; i++) {
            var own = text(giulia(), "wamid.own." + thread + "." + i, "mio");
            var shared = text(giulia(), "wamid.shared." + (thread / 2) + "." + i, "nostro");
            fresh[i] = inbox.store(StorageOnFile.raw(), List.of(own, shared), List.of());
        }
        return fresh;
    }

    @Test
    void sharedCommitFailing_failsEveryCallerOfIt_andStoresNoneOfIt() throws Exception {
        var stores = new ArrayList<Future<Integer>>();

        try (var turn = HeldWriteTurn.take(
                database,
                handle -> handle.execute("CREATE TRIGGER refuse_reports"
                        + " BEFORE INSERT ON status_report BEGIN SELECT RAISE(ABORT, 'reports refused'); END"))) {
            for (int i = 0; i < 6; i++) {
                stores.add(storeLater(
                        text(giulia(), "wamid." + i, "messaggio " + i),
                        status("wamid.out." + i, DeliveryState.DELIVERED, null)));
            }
            awaitUntil(() -> inbox.storesWaiting() == 6);
        }

        for (var store : stores) {
            assertThatThrownBy(store::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageStartingWith("could not store the delivery")
                    .hasMessageContaining("reports refused");
        }
        assertThat(rows("webhook_delivery")).isZero();
        assertThat(rows("inbox_message")).isZero();
        assertThat(inbox.storeCommits().commits()).isZero();
    }

    @Test
    void oneDeliveryTheDatabaseRefuses_failsAlone_andTheOthersAreStoredOnce() throws Exception {
        var good = new ArrayList<Future<Integer>>();
        Future<Integer> bad;

        try (var turn = HeldWriteTurn.take(
                database,
                handle -> handle.execute("CREATE TRIGGER refuse_one"
                        + " BEFORE INSERT ON inbox_message WHEN NEW.channel_message_id = 'wamid.bad'"
                        + " BEGIN SELECT RAISE(ABORT, 'this one refused'); END"))) {
            for (int i = 0; i < 2; i++) {
                good.add(storeLater(text(giulia(), "wamid." + i, "messaggio " + i)));
            }
            bad = storeLater(text(giulia(), "wamid.bad", "rifiutato"));
            for (int i = 2; i < 4; i++) {
                good.add(storeLater(text(giulia(), "wamid." + i, "messaggio " + i)));
            }
            awaitUntil(() -> inbox.storesWaiting() == 5);
        }

        assertThatThrownBy(bad::get).cause().isInstanceOf(StorageUnavailable.class);
        // 1 each, not 0: the failed shared commit left nothing behind that the retry would take for a redelivery
        assertThat(results(good)).containsExactly(1, 1, 1, 1);
        assertThat(rows("webhook_delivery")).isEqualTo(4);
        assertThat(inbox.storeCommits()).isEqualTo(new SqliteInbox.StoreCommits(4, 4));
    }

    @Test
    void closingTheDatabase_letsTheQueuedCommitFinish_thenRefusesStores() throws Exception {
        var stores = new ArrayList<Future<Integer>>();
        Future<?> closing;

        try (var turn = HeldWriteTurn.take(database)) {
            for (int i = 0; i < 4; i++) {
                stores.add(storeLater(text(giulia(), "wamid." + i, "messaggio " + i)));
            }
            awaitUntil(() -> inbox.storesWaiting() == 4 && database.writersWaiting() == 1);
            closing = callers.submit(database::close);
            awaitUntil(() -> database.writersWaiting() == 2);
        }
        closing.get();

        assertThat(results(stores)).containsOnly(1);
        assertThatThrownBy(
                        () -> inbox.store(StorageOnFile.raw(), List.of(text(giulia(), "wamid.9", "tardi")), List.of()))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageStartingWith("could not store the delivery")
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> inbox.pending(10)).isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void storesQueuedAfterTheDatabaseStartedClosing_allFail_withoutWriting() throws Exception {
        var stores = new ArrayList<Future<Integer>>();
        Future<?> closing;

        try (var turn = HeldWriteTurn.take(database)) {
            closing = callers.submit(database::close);
            awaitUntil(() -> database.writersWaiting() == 1);
            for (int i = 0; i < 4; i++) {
                stores.add(storeLater(text(giulia(), "wamid." + i, "messaggio " + i)));
            }
            awaitUntil(() -> inbox.storesWaiting() == 4 && database.writersWaiting() == 2);
        }
        closing.get();

        for (var store : stores) {
            assertThatThrownBy(store::get)
                    .cause()
                    .isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining("closed");
        }
        assertThat(inbox.storeCommits().commits()).isZero();
    }

    private Future<Integer> storeLater(CustomerMessage message) {
        return callers.submit(() -> inbox.store(StorageOnFile.raw(), List.of(message), List.of()));
    }

    private Future<Integer> storeLater(CustomerMessage message, StatusReport report) {
        return callers.submit(() -> inbox.store(StorageOnFile.raw(), List.of(message), List.of(report)));
    }

    private static List<Integer> results(List<Future<Integer>> futures) throws Exception {
        var results = new ArrayList<Integer>();
        for (var future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private int rows(String table) {
        return database.inReadTransaction(
                "count " + table,
                handle -> handle.createQuery("SELECT count(*) FROM " + table)
                        .mapTo(Integer.class)
                        .one());
    }
}

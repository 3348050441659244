package sportello.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.customer.Customer;
import sportello.domain.customer.CustomerKey;
import sportello.ports.in.ReceiveCustomerMessage;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.RawDelivery;
import sportello.ports.usecase.ConversationLanes;
import sportello.ports.usecase.InboxDispatcher;

/** Two Sportello instances on one database: a customer's messages are worked on by one of them at a time. */
class SharedInboxTest {

    private final TestDatabases databases = new TestDatabases();
    private PostgresInbox first;
    private PostgresInbox second;
    private PostgresDatabase firstDatabase;
    private PostgresDatabase secondDatabase;

    @BeforeEach
    void twoInstances() {
        String url = databases.freshUrl();
        firstDatabase = databases.open(url);
        secondDatabase = databases.open(url);
        first = new PostgresInbox(firstDatabase);
        second = new PostgresInbox(secondDatabase);
    }

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @Test
    void customerPendingOnOneInstance_isNotShownToTheOther() {
        store(first, customer(1), "m1");
        store(first, customer(2), "m2");

        var takenByFirst = first.pending(10);
        store(second, customer(1), "m3");
        var takenBySecond = second.pending(10);

        assertThat(customersOf(takenByFirst)).containsExactlyInAnyOrder(key(1), key(2));
        assertThat(takenBySecond).isEmpty();
        assertThat(first.pending(10))
                .extracting(e -> e.message().channelMessageId())
                .containsExactly("m1", "m2", "m3");
    }

    @Test
    void customersHeldByOneInstance_doNotHideTheNextOnesFromTheOther() {
        for (int c = 1; c <= 4; c++) {
            store(first, customer(c), "m" + c);
        }

        var takenByFirst = first.pending(2);
        var takenBySecond = second.pending(2);

        assertThat(customersOf(takenByFirst)).containsExactlyInAnyOrder(key(1), key(2));
        assertThat(customersOf(takenBySecond)).containsExactlyInAnyOrder(key(3), key(4));
    }

    @Test
    void customerDone_onOneInstance_canBeTakenByTheOther() {
        store(first, customer(1), "m1");
        var entry = first.pending(10).getFirst();

        first.markDone(entry.id());
        store(first, customer(1), "m2");

        assertThat(second.pending(10))
                .extracting(e -> e.message().channelMessageId())
                .containsExactly("m2");
        assertThat(first.pending(10)).isEmpty();
    }

    @Test
    void instanceStops_withWorkTaken_theOtherTakesItOver() {
        store(first, customer(1), "m1");
        first.pending(10);
        assertThat(second.pending(10)).isEmpty();

        firstDatabase.close();

        assertThat(second.pending(10))
                .extracting(e -> e.message().channelMessageId())
                .containsExactly("m1");
    }

    /**
     * The race of the load run of 2026-11-26 (73 leases left on customers with nothing pending): a poll reads the
     * customer as pending, their last message is marked done (no lease to give back yet), and only then does the poll
     * insert the lease. A lock on the lease table holds the poll between its read and its insert.
     */
    @Test
    void pollRacingTheCustomersLastMessageBeingDone_leavesNoLease() throws Exception {
        store(first, customer(1), "m1");
        var locked = new CountDownLatch(1);
        var unlock = new CountDownLatch(1);
        var locker = Thread.ofVirtual()
                .start(() -> secondDatabase.useWriteTransaction("hold the lease table", handle -> {
                    handle.execute("LOCK TABLE customer_lease IN SHARE MODE"); // reads pass, inserts wait
                    locked.countDown();
                    awaitQuietly(unlock);
                }));
        locked.await();

        var poll = new CompletableFuture<List<InboxEntry>>();
        Thread.ofVirtual().start(() -> {
            try {
                poll.complete(first.pending(10));
            } catch (RuntimeException e) {
                poll.completeExceptionally(e);
            }
        });
        awaitALeaseWriteWaiting();
        markDoneBehindTheLeases("m1"); // as the lane's markDone, which had no lease to give back yet
        unlock.countDown();
        locker.join();

        assertThat(poll.get()).isEmpty();
        assertThat(leases()).isEmpty();
    }

    /** However a lease came to be left on a customer with nothing pending, its holder's next poll gives it back. */
    @Test
    void leaseLeftOnACustomerWithNothingPending_isGivenBackByItsHolder_andNeverTakenFromIt() {
        store(first, customer(1), "m1");
        first.pending(10);
        markDoneBehindTheLeases("m1");

        assertThat(second.pending(10)).isEmpty();
        assertThat(leases()).containsExactly(key(1).value() + " " + firstDatabase.instance());
        assertThat(first.pending(10)).isEmpty();
        assertThat(leases()).isEmpty();
    }

    /** A left-over lease delays nobody: its live holder takes the customer's next message, as any it holds. */
    @Test
    void leftOverLease_ofALiveInstance_itTakesTheCustomersNextMessage() {
        store(first, customer(1), "m1");
        first.pending(10);
        markDoneBehindTheLeases("m1");
        store(second, customer(1), "m2");

        assertThat(second.pending(10)).isEmpty();
        assertThat(first.pending(10))
                .extracting(e -> e.message().channelMessageId())
                .containsExactly("m2");
    }

    /** A dead instance's left-over lease delays nobody, and is given back by the next poll of another. */
    @Test
    void leftOverLease_ofADeadInstance_isGivenBackByAnother_andTheCustomersNextMessageTaken() {
        store(first, customer(1), "m1");
        store(first, customer(2), "m2");
        first.pending(10);
        markDoneBehindTheLeases("m1");
        markDoneBehindTheLeases("m2");
        firstDatabase.close();
        store(second, customer(2), "m3");

        assertThat(second.pending(10))
                .extracting(e -> e.message().channelMessageId())
                .containsExactly("m3");
        assertThat(leases()).containsExactly(key(2).value() + " " + secondDatabase.instance());
    }

    @Test
    void concurrentPolls_giveEachCustomerToOneInstanceOnly() throws Exception {
        int customers = 40;
        for (int c = 0; c < customers; c++) {
            store(first, customer(c), "m" + c);
        }
        var seen = new ConcurrentHashMap<CustomerKey, Set<PostgresInbox>>();
        var threads = new ArrayList<Thread>();
        for (var inbox : List.of(first, second, first, second)) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int round = 0; round < 3; round++) {
                    inbox.pending(100)
                            .forEach(e -> seen.computeIfAbsent(
                                            e.message().customer().key(), k -> ConcurrentHashMap.newKeySet())
                                    .add(inbox));
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }

        assertThat(seen).hasSize(customers);
        assertThat(seen.values()).allSatisfy(holders -> assertThat(holders).hasSize(1));
    }

    /**
     * The real dispatcher on each instance, many customers writing several messages: every message is handled once,
     * and no customer is ever handled by both instances at the same time.
     */
    @Test
    void twoDispatchers_handleEveryMessageOnce_andNeverOneCustomerTwiceAtOnce() throws Exception {
        int customers = 30;
        int messagesEach = 4;
        var handled = new CopyOnWriteArrayList<String>();
        var busy = new ConcurrentHashMap<CustomerKey, AtomicInteger>();
        var overlaps = new AtomicInteger();
        try (var firstLanes = new ConversationLanes();
                var secondLanes = new ConversationLanes()) {
            var dispatchers = List.of(
                    dispatcher(first, firstLanes, handled, busy, overlaps),
                    dispatcher(second, secondLanes, handled, busy, overlaps));
            var writer = Thread.ofVirtual().start(() -> {
                for (int m = 0; m < messagesEach; m++) {
                    for (int c = 0; c < customers; c++) {
                        store(c % 2 == 0 ? first : second, customer(c), "c" + c + "-" + m);
                    }
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((writer.isAlive() || first.pendingCount() > 0) && System.nanoTime() < deadline) {
                dispatchers.forEach(InboxDispatcher::dispatchPending);
                firstLanes.awaitIdle(Duration.ofSeconds(5));
                secondLanes.awaitIdle(Duration.ofSeconds(5));
            }
            writer.join();
        }

        assertThat(first.pendingCount()).isZero();
        assertThat(overlaps).hasValue(0);
        assertThat(handled).hasSize(customers * messagesEach).doesNotHaveDuplicates();
        first.pending(10);
        second.pending(10);
        assertThat(leases()).as("leases left once nothing is pending").isEmpty();
    }

    private static InboxDispatcher dispatcher(
            PostgresInbox inbox,
            ConversationLanes lanes,
            List<String> handled,
            Map<CustomerKey, AtomicInteger> busy,
            AtomicInteger overlaps) {
        ReceiveCustomerMessage handler = new ReceiveCustomerMessage() {
            @Override
            public void receive(List<InboxEntry> burst) {
                var customer = busy.computeIfAbsent(
                        burst.getFirst().message().customer().key(), k -> new AtomicInteger());
                if (customer.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                try {
                    for (var entry : burst) {
                        handled.add(entry.message().channelMessageId());
                        inbox.markDone(entry.id());
                    }
                } finally {
                    customer.decrementAndGet();
                }
            }

            @Override
            public void record(List<InboxEntry> burst) {}
        };
        return new InboxDispatcher(inbox, handler, lanes, Instant::now, Duration.ZERO);
    }

    /** The lease rows, as "customer holder". */
    private List<String> leases() {
        return secondDatabase.inReadTransaction(
                "read the leases",
                handle -> handle.createQuery(
                                "SELECT customer_key || ' ' || holder FROM customer_lease ORDER BY customer_key")
                        .mapTo(String.class)
                        .list());
    }

    /** Marks the message done and leaves its lease alone, as a lane's markDone that found no lease to give back. */
    private void markDoneBehindTheLeases(String channelMessageId) {
        secondDatabase.useWriteTransaction(
                "mark done",
                handle -> handle.createUpdate("UPDATE inbox_message SET state = 'done' WHERE channel_message_id = :id")
                        .bind("id", channelMessageId)
                        .execute());
    }

    /** Until a transaction waits for a lock on the lease table. */
    private void awaitALeaseWriteWaiting() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (secondDatabase.inReadTransaction(
                        "look for lock waits",
                        handle -> handle.createQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'relation'"
                                        + " AND relation = 'customer_lease'::regclass AND NOT granted")
                                .mapTo(Integer.class)
                                .one())
                == 0) {
            assertThat(System.nanoTime()).as("a poll waiting to write a lease").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void store(PostgresInbox inbox, Customer customer, String channelMessageId) {
        inbox.store(
                new RawDelivery("whatsapp", channelMessageId.getBytes(StandardCharsets.UTF_8), Instant.now()),
                List.of(text(customer, channelMessageId, "ciao")),
                List.of());
    }

    private static Customer customer(int n) {
        return Customer.of("IT.%016d".formatted(n), "39333%07d".formatted(n), "Cliente " + n);
    }

    private static CustomerKey key(int n) {
        return customer(n).key();
    }

    private static Set<CustomerKey> customersOf(List<InboxEntry> entries) {
        var keys = new HashSet<CustomerKey>();
        entries.forEach(e -> keys.add(e.message().customer().key()));
        return keys;
    }
}

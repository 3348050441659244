package sportello.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.customer.Customer;
import sportello.domain.profile.CustomerProfile;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;
import sportello.ports.out.AnalyticsReport.ReasonCount;
import sportello.ports.out.OutboxEntry;

/** Two instances writing the same conversation at the same time: a staff reply on one, the worker on the other. */
class SharedConversationTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final ConversationId ID = new ConversationId("conversation-1");

    private final TestDatabases databases = new TestDatabases();
    private String url;
    private PostgresDatabase firstDatabase;
    private PostgresDatabase secondDatabase;

    @BeforeEach
    void twoInstances() {
        url = databases.freshUrl();
        firstDatabase = databases.open(url);
        secondDatabase = databases.open(url);
        conversations(firstDatabase).save(Conversation.start(ID, Customer.of("IT.1", "393331234567", "Giulia")));
    }

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @Test
    void concurrentSaves_ofOneConversation_onTwoInstances_allSucceed() throws Exception {
        var failures = new ConcurrentHashMap<String, Throwable>();
        var threads = new ArrayList<Thread>();
        for (var database : List.of(firstDatabase, secondDatabase, firstDatabase, secondDatabase)) {
            threads.add(Thread.ofVirtual().start(() -> {
                var conversations = conversations(database);
                for (int n = 0; n < 15; n++) {
                    try {
                        var current = conversations.byId(ID).orElseThrow();
                        conversations.save(current.withProfile(profileWith("order-" + n)));
                    } catch (RuntimeException e) {
                        failures.put(Thread.currentThread() + " " + n, e);
                    }
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(conversations(firstDatabase).byId(ID).orElseThrow().profile().value("orderNumber"))
                .isPresent();
    }

    @Test
    void sameFlagSavedOnTwoInstancesAtOnce_countsAsOneHandoff() throws Exception {
        var flagged = conversations(firstDatabase).byId(ID).orElseThrow().flagForStaff("agent failed: timeout", T0);

        var failures = allAtOnce(database -> conversations(database).save(flagged));

        assertThat(failures).isEmpty();
        var report = new PostgresAnalytics(firstDatabase)
                .report(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25), ZoneOffset.UTC);
        assertThat(report.handoffs()).containsExactly(new ReasonCount("agent failed: timeout", 1));
    }

    @Test
    void sameReplyQueuedOnTwoInstancesAtOnce_isQueuedOnce() throws Exception {
        var entries = new ConcurrentHashMap<String, OutboxEntry>();

        var failures = allAtOnce(database -> {
            var entry = new PostgresOutbox(database).enqueue(ID, Author.BOT, "Buongiorno!", "m-in", T0);
            entries.put(entry.id(), entry);
        });

        assertThat(failures).isEmpty();
        assertThat(entries).hasSize(1);
        assertThat(new PostgresOutbox(firstDatabase).unsentCount()).isEqualTo(1);
    }

    /** Runs {@code write} on four threads, two per instance, released together; returns what failed. */
    private List<Throwable> allAtOnce(Consumer<PostgresDatabase> write) throws InterruptedException {
        var failures = new CopyOnWriteArrayList<Throwable>();
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (var database : List.of(firstDatabase, secondDatabase, firstDatabase, secondDatabase)) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    write.accept(database);
                } catch (InterruptedException | RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (var thread : threads) {
            thread.join();
        }
        return failures;
    }

    @Test
    void sameEchoRecordedOnTwoInstancesAtOnce_isRecordedOnce() throws Exception {
        var recorded = new ConcurrentHashMap<Boolean, Integer>();

        var failures = allAtOnce(database -> recorded.merge(
                new PostgresOutbox(database).recordSent(ID, Author.STAFF, "Arrivo!", "wamid.echo", T0),
                1,
                Integer::sum));

        assertThat(failures).isEmpty();
        assertThat(recorded).isEqualTo(Map.of(true, 1, false, 3));
    }

    /** The server cut the session that marks an instance alive (a restart, a network cut): the instance takes it again. */
    @Test
    void lostPresenceSession_isTakenAgain() throws Exception {
        int instance = firstDatabase.instance();
        try (var admin = DriverManager.getConnection(DatabaseUrl.parse(url).jdbcUrl(), PostgresServer.USER, null);
                var statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND objid = " + instance + " AND classid = " + Presence.LOCK_SPACE);
        }
        var inbox = new PostgresInbox(firstDatabase);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!alive(instance) && System.nanoTime() < deadline) {
            inbox.pending(10); // every poll checks the session, at most once a second
        }

        assertThat(alive(instance)).isTrue();
    }

    private boolean alive(int instance) throws Exception {
        try (var admin = DriverManager.getConnection(DatabaseUrl.parse(url).jdbcUrl(), PostgresServer.USER, null);
                var statement = admin.createStatement();
                var rs = statement.executeQuery("SELECT " + instance + " IN " + Presence.ALIVE)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static PostgresConversations conversations(PostgresDatabase database) {
        return new PostgresConversations(database, ProfileSchema.standard());
    }

    private static CustomerProfile profileWith(String orderNumber) {
        return new CustomerProfile(Map.of(
                "orderNumber",
                new ProfileValue(orderNumber, "test", T0),
                "name",
                new ProfileValue("Giulia", "test", T0)));
    }
}

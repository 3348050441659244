package sportello.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.in.CheckHealth;
import sportello.ports.out.OutboxEntry;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.StorageUnavailable;

/**
 * The instance's pools: whatever the conversation lanes hold, a webhook's store, {@code /health} and the sender get a
 * connection of their own (the load run of 2026-11-26 answered webhooks 500 after 5 s in the lanes' queue).
 */
class ConnectionPoolsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private final TestDatabases databases = new TestDatabases();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void closeDatabases() {
        threads.close();
        databases.close();
    }

    @Test
    void everyWorkConnectionHeldInATransaction_webhookStoreHealthAndSenderStillGoThrough() throws Exception {
        var database = databases.open(databases.freshUrl(), new PostgresDatabase.Connections(1, 1, 2));
        var inbox = new PostgresInbox(database);
        var outbox = new PostgresOutbox(database);
        var conversations = new PostgresConversations(database, ProfileSchema.standard());
        var conversation = new ConversationId("conversation-1");
        conversations.save(Conversation.start(conversation, customer()));
        var reply = outbox.enqueue(conversation, Author.BOT, "Buongiorno!", null, T0);

        try (var lanes = new BusyLanes(database, 2, threads)) {
            // a lane's next call finds no work connection free: it waits in the work pool's queue, and gives up
            var laneWaiting = CompletableFuture.supplyAsync(() -> conversations.byId(conversation), threads);

            int stored = inbox.store(delivery(), List.of(text(customer(), "wamid.in-1", "ciao")), List.of());
            boolean writable = database.isWritable();
            var health = new PostgresHealth(database).probe().status();
            int pending = inbox.pendingCount();
            var claimed = outbox.claimDue(T0.plusSeconds(1), 1);
            var knownChannelId = outbox.channelIdFromStatusReports(reply.id());
            outbox.accepted(reply.id(), "wamid.out-1");
            int unsent = outbox.unsentCount();

            assertThat(stored).isEqualTo(1);
            assertThat(writable).isTrue();
            assertThat(health).isEqualTo(CheckHealth.Status.UP);
            assertThat(pending).isEqualTo(1);
            assertThat(claimed).extracting(OutboxEntry::id).containsExactly(reply.id());
            assertThat(knownChannelId).isEmpty();
            assertThat(unsent).isZero();
            assertThatThrownBy(laneWaiting::join)
                    .hasCauseInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining("stayed busy");
            assertThat(lanes.stillHolding()).isTrue();
        }
    }

    @Test
    void commitModes_reachTheServer_onTheirOwnPools() {
        var database = databases.open(databases.freshUrl(), new PostgresDatabase.Connections(1, 1, 1));

        // BUFFERED before SYNCED on the one work connection: a buffered session must not leak into a synced commit
        assertThat(setting(database, PostgresDatabase.Commit.BUFFERED)).isEqualTo("off sportello-work");
        assertThat(setting(database, PostgresDatabase.Commit.SYNCED)).isEqualTo("on sportello-work");
        assertThat(setting(database, PostgresDatabase.Commit.BUFFERED)).isEqualTo("off sportello-work");
        assertThat(setting(database, PostgresDatabase.Commit.URGENT)).isEqualTo("on sportello-urgent");
        assertThat(setting(database, PostgresDatabase.Commit.SENDING_BUFFERED)).isEqualTo("off sportello-sending");
        assertThat(setting(database, PostgresDatabase.Commit.SENDING_SYNCED)).isEqualTo("on sportello-sending");
    }

    @Test
    void connections_countThePresenceSession_andRefuseAnEmptyPool() {
        assertThat(PostgresDatabase.Connections.DEFAULT.total()).isEqualTo(13);
        assertThatThrownBy(() -> new PostgresDatabase.Connections(1, 0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sending 0");
    }

    /** How the transaction commits ({@code synchronous_commit}) and the pool its session is of. */
    private static String setting(PostgresDatabase database, PostgresDatabase.Commit commit) {
        return database.inWriteTransaction(
                "read the commit setting",
                commit,
                handle -> handle.createQuery("SELECT current_setting('synchronous_commit') || ' '"
                                + " || current_setting('application_name')")
                        .mapTo(String.class)
                        .one());
    }

    private static Customer customer() {
        return Customer.of("IT.0000000000000001", "393330000001", "Giulia");
    }

    private static RawDelivery delivery() {
        return new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), T0);
    }

    /** Conversation lanes that each hold a work connection in an open write transaction until closed. */
    private static final class BusyLanes implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final List<CompletableFuture<Void>> lanes = new ArrayList<>();

        BusyLanes(PostgresDatabase database, int count, ExecutorService threads) throws InterruptedException {
            var holding = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                lanes.add(CompletableFuture.runAsync(
                        () -> database.useWriteTransaction(
                                "save a conversation", PostgresDatabase.Commit.BUFFERED, handle -> {
                                    handle.execute("UPDATE health_probe SET checks = checks WHERE id = 0");
                                    holding.countDown();
                                    try {
                                        release.await();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                }),
                        threads));
            }
            holding.await();
        }

        boolean stillHolding() {
            return lanes.stream().noneMatch(CompletableFuture::isDone);
        }

        @Override
        public void close() {
            release.countDown();
            lanes.forEach(CompletableFuture::join);
        }
    }
}

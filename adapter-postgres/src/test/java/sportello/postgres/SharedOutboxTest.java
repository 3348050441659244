package sportello.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.OutboxEntry;

/** Two Sportello instances sending from one outbox: each message is claimed once, a conversation by one at a time. */
class SharedOutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    private final TestDatabases databases = new TestDatabases();
    private PostgresDatabase firstDatabase;
    private PostgresOutbox first;
    private PostgresOutbox second;

    @BeforeEach
    void twoInstances() {
        String url = databases.freshUrl();
        firstDatabase = databases.open(url);
        first = new PostgresOutbox(firstDatabase);
        second = new PostgresOutbox(databases.open(url));
    }

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @Test
    void conversationBeingSentByOneInstance_isLeftOutOfTheOthersClaim() {
        var busy = conversation(1);
        var idle = conversation(2);
        first.enqueue(busy, Author.STAFF, "uno", null, T0);
        first.enqueue(busy, Author.STAFF, "due", null, T0.plusMillis(1));
        first.enqueue(idle, Author.STAFF, "tre", null, T0.plusMillis(2));

        var claimedByFirst = first.claimDue(T0.plusSeconds(1), 1);
        var claimedBySecond = second.claimDue(T0.plusSeconds(1), 10);
        first.accepted(claimedByFirst.getFirst().id(), "wamid.1");
        var claimedAfterwards = second.claimDue(T0.plusSeconds(1), 10);

        assertThat(claimedByFirst).extracting(OutboxEntry::text).containsExactly("uno");
        assertThat(claimedBySecond).extracting(OutboxEntry::text).containsExactly("tre");
        assertThat(claimedAfterwards).extracting(OutboxEntry::text).containsExactly("due");
    }

    @Test
    void sendsOfALiveInstance_areNotInterrupted_untilItStops() {
        first.enqueue(conversation(1), Author.BOT, "uno", "m-in", T0);
        first.claimDue(T0, 10);

        var whileAlive = second.interruptedSends();
        firstDatabase.close();
        var afterItStopped = second.interruptedSends();

        assertThat(whileAlive).isEmpty();
        assertThat(afterItStopped).extracting(OutboxEntry::text).containsExactly("uno");
    }

    @Test
    void concurrentClaimers_onTwoInstances_neverClaimAnEntryTwice() throws Exception {
        int entries = enqueueMany(20, 10);
        var claimed = new CopyOnWriteArrayList<String>();

        runSenders(List.of(first, second, first, second), claimed, new InFlight());

        assertThat(claimed).hasSize(entries).doesNotHaveDuplicates();
    }

    /** One sender per instance, as in the app: a conversation's messages go out in order, by one instance at a time. */
    @Test
    void twoSenders_sendEachConversationInOrder_oneInstanceAtATime() throws Exception {
        int conversations = 2; // few conversations, many messages each: claims of both senders meet in them
        enqueueMany(conversations, 16);
        var claimed = new CopyOnWriteArrayList<String>();
        var inFlight = new InFlight();

        runSenders(List.of(first, second), claimed, inFlight);

        assertThat(inFlight.overlaps).hasValue(0);
        assertThat(inFlight.sent).hasSize(conversations);
        inFlight.sent.values().forEach(texts -> assertThat(texts).hasSize(16).isSorted());
    }

    /**
     * Which instance has claimed, and not yet finished, messages of which conversation; counts a claim while another
     * instance has some. A sender ends an entry before it records the channel's answer, so the next claimer of the
     * conversation (who can claim only after that answer is committed) never finds it still counted.
     */
    private static final class InFlight {
        final Map<ConversationId, Map<PostgresOutbox, Integer>> sending = new HashMap<>();
        final Map<ConversationId, List<String>> sent = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();

        synchronized void begin(OutboxEntry entry, PostgresOutbox instance) {
            var byInstance = sending.computeIfAbsent(entry.conversation(), c -> new HashMap<>());
            if (byInstance.entrySet().stream().anyMatch(e -> e.getKey() != instance && e.getValue() > 0)) {
                overlaps.incrementAndGet();
            }
            byInstance.merge(instance, 1, Integer::sum);
        }

        synchronized void end(OutboxEntry entry, PostgresOutbox instance) {
            sending.get(entry.conversation()).merge(instance, -1, Integer::sum);
            sent.computeIfAbsent(entry.conversation(), c -> new CopyOnWriteArrayList<>())
                    .add(entry.text());
        }
    }

    /** One thread per element of {@code senders}, each claiming and "sending" until nothing is left unsent. */
    private static void runSenders(List<PostgresOutbox> senders, List<String> claimed, InFlight inFlight)
            throws InterruptedException {
        var threads = new ArrayList<Thread>();
        for (var outbox : senders) {
            threads.add(Thread.ofVirtual().start(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (outbox.unsentCount() > 0 && System.nanoTime() < deadline) {
                    var batch = outbox.claimDue(T0.plusSeconds(3600), 4);
                    batch.forEach(entry -> inFlight.begin(entry, outbox));
                    for (var entry : batch) {
                        claimed.add(entry.id());
                        inFlight.end(entry, outbox);
                        outbox.accepted(entry.id(), "wamid." + entry.id());
                    }
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
    }

    /** {@code perConversation} messages in each of {@code conversations}, texts numbered in enqueue order. */
    private int enqueueMany(int conversations, int perConversation) {
        for (int m = 0; m < perConversation; m++) {
            for (int c = 0; c < conversations; c++) {
                first.enqueue(conversation(c), Author.STAFF, "%03d".formatted(m), null, T0.plusMillis(m));
            }
        }
        return conversations * perConversation;
    }

    private final Map<Integer, ConversationId> saved = new HashMap<>();

    private ConversationId conversation(int n) {
        return saved.computeIfAbsent(n, k -> {
            var id = new ConversationId("conversation-" + n);
            new PostgresConversations(firstDatabase, ProfileSchema.standard())
                    .save(Conversation.start(id, Customer.of("IT.%016d".formatted(n), null, "Cliente " + n)));
            return id;
        });
    }
}

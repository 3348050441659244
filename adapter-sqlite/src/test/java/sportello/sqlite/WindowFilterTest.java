package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.ServiceWindow;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;

/**
 * The list's window filter is SQL over the conversation row; it must say what {@link ServiceWindow#after} says at the
 * query's {@code now}, also at the edges where the channel's closure counts or is ignored.
 */
class WindowFilterTest {

    private static final Duration DAY = ServiceWindow.LENGTH;
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dir;

    private SqliteConversations conversations;

    @BeforeEach
    void setUp() {
        conversations = StorageOnFile.open(dir.resolve("sportello.db")).conversations();
    }

    @Test
    void closedExactlyAtTheLastCustomerMessage_isClosedFromThatInstant() {
        conversations.save(customerWrote("c1", T0).windowClosedByChannel(T0));

        assertThat(listed(true, T0)).isEmpty();
        assertThat(listed(false, T0)).containsExactly("c1");
        assertThat(listed(false, T0.plus(HOUR))).containsExactly("c1");
    }

    @Test
    void closedBeforeTheLastCustomerMessage_isIgnored() {
        var closedAt = T0.minusNanos(1);
        conversations.save(customerWrote("c1", T0).windowClosedByChannel(closedAt));

        assertThat(listed(true, T0.plus(DAY).minusNanos(1))).containsExactly("c1");
        assertThat(listed(false, T0.plus(DAY).minusNanos(1))).isEmpty();
        assertThat(listed(false, T0.plus(DAY))).containsExactly("c1");
        assertThat(conversations.summaries(ConversationQuery.page(T0, 10, 0)))
                .singleElement()
                .satisfies(summary -> assertThat(summary.windowClosedAt()).isEqualTo(closedAt));
    }

    @Test
    void customerWritesAfterAClosure_opensAFreshWindow() {
        var closed = customerWrote("c1", T0).windowClosedByChannel(T0.plus(HOUR));
        conversations.save(closed);
        var wroteAgainAt = T0.plus(HOUR).plusNanos(1);

        conversations.save(closed.receive("m-c1-2", text(closed, "wamid.c1.2", wroteAgainAt), ProfileSchema.standard())
                .conversation());

        assertThat(listed(true, wroteAgainAt)).containsExactly("c1");
        assertThat(listed(true, wroteAgainAt.plus(DAY).minusNanos(1))).containsExactly("c1");
        assertThat(listed(false, wroteAgainAt.plus(DAY))).containsExactly("c1");
        assertThat(conversations.byId(new ConversationId("c1")).orElseThrow().windowClosedAtValue())
                .contains(T0.plus(HOUR));
    }

    @Test
    void closureStillToCome_leavesTheWindowOpenUntilThen() {
        conversations.save(customerWrote("c1", T0).windowClosedByChannel(T0.plus(HOUR)));

        assertThat(listed(true, T0.plus(HOUR).minusNanos(1))).containsExactly("c1");
        assertThat(listed(false, T0.plus(HOUR))).containsExactly("c1");
    }

    @Test
    void filterAndCount_agreeWithEachSummarysWindow_atEveryEdge() {
        conversations.save(Conversation.start(new ConversationId("never-wrote"), customer("never-wrote")));
        conversations.save(customerWrote("plain", T0));
        conversations.save(customerWrote("closed-at-inbound", T0).windowClosedByChannel(T0));
        conversations.save(customerWrote("closed-before", T0).windowClosedByChannel(T0.minusSeconds(1)));
        conversations.save(customerWrote("closed-mid", T0).windowClosedByChannel(T0.plus(HOUR)));
        conversations.save(customerWrote("closed-after-the-day", T0)
                .windowClosedByChannel(T0.plus(DAY).plus(HOUR)));
        var edges = List.of(
                T0.minusNanos(1),
                T0,
                T0.plus(HOUR).minusNanos(1),
                T0.plus(HOUR),
                T0.plus(DAY).minusNanos(1),
                T0.plus(DAY),
                T0.plus(DAY).plus(HOUR));

        for (Instant now : edges) {
            var all = conversations.summaries(ConversationQuery.page(now, 100, 0));
            var openByWindow = all.stream()
                    .filter(s -> s.serviceWindow().map(w -> w.isOpenAt(now)).orElse(false))
                    .map(s -> s.id().value())
                    .toList();
            var closedByWindow = all.stream()
                    .map(s -> s.id().value())
                    .filter(id -> !openByWindow.contains(id))
                    .toList();

            assertThat(listed(true, now)).as("open at %s", now).isEqualTo(openByWindow);
            assertThat(listed(false, now)).as("closed at %s", now).isEqualTo(closedByWindow);
            assertThat(conversations.count(window(true, now))).isEqualTo(openByWindow.size());
            assertThat(conversations.count(window(false, now))).isEqualTo(closedByWindow.size());
        }
    }

    private List<String> listed(boolean open, Instant now) {
        return conversations.summaries(window(open, now)).stream()
                .map(ConversationSummary::id)
                .map(ConversationId::value)
                .toList();
    }

    private static ConversationQuery window(boolean open, Instant now) {
        return new ConversationQuery(null, false, null, null, open, now, 100, 0);
    }

    private static Customer customer(String id) {
        return Customer.of("IT." + id, null, id);
    }

    /** A conversation whose customer wrote once, at {@code at}. */
    private static Conversation customerWrote(String id, Instant at) {
        var start = Conversation.start(new ConversationId(id), customer(id));
        return start.receive("m-" + id, text(start, "wamid." + id, at), ProfileSchema.standard())
                .conversation();
    }

    private static CustomerMessage text(Conversation conversation, String channelMessageId, Instant at) {
        return TestMessages.text(conversation.customer(), channelMessageId, "Ciao", at);
    }
}

package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.chiara;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.marco;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.StatusReport;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.AnalyticsReport;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.Retention;
import sportello.ports.out.Usage;

/**
 * What every {@link Retention} must forget, and what it must keep: conversations and profiles, work not done yet
 * (pending inbox messages, unsent replies), and the analytics of the days it forgets.
 */
public abstract class RetentionContract {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    /** Keeping six months. */
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(183));
    /** 11:00 in Rome on 26 April, long before the cutoff. */
    private static final Instant OLD = Instant.parse("2026-04-26T09:00:00Z");

    private static final LocalDate APRIL_25 = LocalDate.of(2026, 4, 25);
    private static final LocalDate APRIL_28 = LocalDate.of(2026, 4, 28);
    private static final Instant RECENT = NOW.minus(Duration.ofDays(10));
    private static final ConversationId C1 = new ConversationId("c1");

    private Storage storage;
    private Retention retention;
    private Traffic traffic;

    protected abstract Storage createStorage();

    @BeforeEach
    void setUp() {
        storage = createStorage();
        retention = Objects.requireNonNull(storage.retention(), "this storage was built without retention");
        traffic = new Traffic(storage);
    }

    private List<String> texts(ConversationId id) {
        return storage.conversations().byId(id).orElseThrow().messages().stream()
                .map(Message::text)
                .toList();
    }

    private ConversationSummary summary(String id) {
        return storage.conversations().summaries(ConversationQuery.page(NOW, 100, 0)).stream()
                .filter(s -> s.id().value().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void oldMessages_areDeleted_newerOnesTheConversationAndItsProfileStay() {
        traffic.writes("c1", giulia(), "Sono Giulia Rossi, giulia.rossi@example.it", OLD);
        traffic.answers("c1", Author.BOT, "Piacere Giulia!", OLD.plusSeconds(5));
        traffic.writes("c1", giulia(), "Ci sono novità?", RECENT);
        var profile = storage.conversations().byId(C1).orElseThrow().profile();

        int deleted = retention.deleteMessagesBefore(CUTOFF);

        assertThat(deleted).isEqualTo(2);
        assertThat(texts(C1)).containsExactly("Ci sono novità?");
        var kept = storage.conversations().byId(C1).orElseThrow();
        assertThat(kept.profile()).isEqualTo(profile);
        assertThat(kept.profile().value(ProfileSchema.EMAIL)).isPresent();
        assertThat(kept.customer()).isEqualTo(giulia());
        assertThat(summary("c1").lastMessage()).isEqualTo("Ci sono novità?");
        assertThat(summary("c1").lastMessageAt()).isEqualTo(RECENT);
    }

    @Test
    void nothingOlderThanTheCutoff_deletesNothing_andASecondRunDeletesNothingMore() {
        traffic.writes("c1", giulia(), "Ciao", RECENT);
        traffic.writes("c2", marco(), "Buongiorno", OLD);

        assertThat(retention.deleteMessagesBefore(OLD)).isZero();
        assertThat(retention.deleteMessagesBefore(CUTOFF)).isEqualTo(1);
        assertThat(retention.deleteMessagesBefore(CUTOFF)).isZero();
        assertThat(texts(C1)).containsExactly("Ciao");
    }

    @Test
    void unsentReplies_andMessagesNotProcessedYet_areKept_howeverOld() {
        traffic.writes("c1", giulia(), "Ciao", OLD);
        traffic.answers("c1", Author.BOT, "Ciao! Come posso aiutarti?", OLD.plusSeconds(1));
        traffic.queues("c1", Author.STAFF, "In coda", OLD.plusSeconds(2));
        storage.outbox().claimDue(OLD.plusSeconds(2), 10); // sending when the process stopped
        traffic.queues("c1", Author.STAFF, "Ancora in coda", OLD.plusSeconds(3));
        var waiting = traffic.arrives(marco(), "Mi rispondete?", OLD);

        int deleted = retention.deleteMessagesBefore(CUTOFF);

        assertThat(deleted).isEqualTo(2);
        assertThat(texts(C1)).containsExactly("In coda", "Ancora in coda");
        assertThat(storage.outbox().unsentCount()).isEqualTo(2);
        assertThat(storage.outbox().interruptedSends())
                .singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("In coda"));
        var interrupted = storage.outbox().interruptedSends().getFirst();
        storage.outbox().inDoubt(interrupted.id(), NOW.plusSeconds(300), "interrupted by a restart");
        assertThat(storage.outbox().claimDue(NOW, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("Ancora in coda"));
        assertThat(storage.inbox().pending(10))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo(waiting));
    }

    @Test
    void handledInboxMessages_areForgotten_withTheMessages() {
        traffic.writes("c1", giulia(), "Vecchio messaggio", OLD);
        var recent = traffic.writes("c1", giulia(), "Nuovo messaggio", RECENT);

        retention.deleteMessagesBefore(CUTOFF);

        assertThat(storage.customerRecords().export(C1).orElseThrow().rawMessages())
                .containsExactly(recent.raw());
    }

    @Test
    void statusReports_goWithTheirMessages_andWhenOldAndAboutNoStoredMessage() {
        traffic.writes("c1", giulia(), "Ciao", OLD);
        var old = traffic.answers("c1", Author.BOT, "Vecchia risposta", OLD.plusSeconds(1));
        traffic.writes("c1", giulia(), "Ciao di nuovo", RECENT);
        var recent = traffic.answers("c1", Author.BOT, "Nuova risposta", RECENT.plusSeconds(1));
        // the channel reported "read" on the old reply only recently: it goes with its message all the same
        traffic.reports(
                new StatusReport(TestMessages.ACCOUNT, "wamid.unknown", DeliveryState.READ, RECENT, null, old.id()));
        // reports about messages we never stored: an old one is forgotten, a recent one may still find its message
        traffic.reports(
                new StatusReport(TestMessages.ACCOUNT, "wamid.old-stray", DeliveryState.SENT, OLD, null, "stray-old"));
        traffic.reports(new StatusReport(
                TestMessages.ACCOUNT, "wamid.new-stray", DeliveryState.SENT, RECENT, null, "stray-new"));

        retention.deleteMessagesBefore(CUTOFF);

        assertThat(storage.outbox().channelIdFromStatusReports(old.id())).isEmpty();
        assertThat(storage.outbox().channelIdFromStatusReports(recent.id())).isPresent();
        assertThat(storage.outbox().channelIdFromStatusReports("stray-old")).isEmpty();
        assertThat(storage.outbox().channelIdFromStatusReports("stray-new")).contains("wamid.new-stray");
        var reply = storage.conversations().byId(C1).orElseThrow().messages().getLast();
        assertThat(reply.delivery().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void conversationWithAllItsMessagesDeleted_keepsItsPlaceInTheList_butShowsNoText() {
        traffic.writes("c1", giulia(), "Vecchio", OLD);
        traffic.writes("c1", giulia(), "Ancora vecchio", OLD.plusSeconds(60));
        traffic.writes("c2", marco(), "Recente", RECENT);
        traffic.writes("c3", chiara(), "Vecchissimo", OLD.minus(Duration.ofDays(30)));

        retention.deleteMessagesBefore(CUTOFF);

        assertThat(storage.conversations().summaries(ConversationQuery.page(NOW, 10, 0)))
                .extracting(s -> s.id().value())
                .containsExactly("c2", "c1", "c3");
        var forgotten = summary("c1");
        assertThat(forgotten.lastMessageAt()).isEqualTo(OLD.plusSeconds(60));
        assertThat(forgotten.lastInboundAt()).isEqualTo(OLD.plusSeconds(60));
        assertThat(forgotten.lastMessage()).isEmpty();
        assertThat(forgotten.unread()).isZero();
        assertThat(forgotten.name()).isEqualTo("Giulia Rossi");
        assertThat(storage.conversations().byId(C1).orElseThrow().messages()).isEmpty();
        assertThat(storage.conversations().byCustomer(giulia())).isPresent();
    }

    @Test
    void theAnalyticsOfForgottenDays_doNotChange() {
        // 23:30 in Rome on 25 April (Rome is UTC+2 in April)
        traffic.writes("c1", giulia(), "Ciao", Instant.parse("2026-04-25T21:30:00Z"));
        traffic.answers("c1", Author.BOT, "Ciao Giulia", Instant.parse("2026-04-25T21:30:04Z"));
        traffic.writes("c1", giulia(), MessageKind.IMAGE, "", OLD);
        traffic.writes("c1", giulia(), MessageKind.REACTION, "👍", OLD.plusSeconds(30));
        traffic.answers("c1", Author.STAFF, "Ricevuta", OLD.plusSeconds(600));
        traffic.writes("c2", marco(), "Buongiorno", OLD.plusSeconds(60));
        traffic.flags("c2", "Handoff requested: vuole parlare con una persona", OLD.plusSeconds(61));
        traffic.writes("c2", marco(), "Sono ancora qui", OLD.plus(Duration.ofDays(1)));
        traffic.writes("c2", marco(), "Ci siete?", RECENT);
        storage.usage()
                .record(
                        new ConversationId("c2"),
                        List.of(new Usage("gpt-4.1-mini", 1000, 0, 50, new BigDecimal("0.0123"), OLD)));
        var before = storage.analytics().report(APRIL_25, APRIL_28, ROME);

        retention.deleteMessagesBefore(CUTOFF);

        var after = storage.analytics().report(APRIL_25, APRIL_28, ROME);
        assertThat(after.conversationsPerDay())
                .isEqualTo(before.conversationsPerDay())
                .extracting(AnalyticsReport.DayCount::count)
                .containsExactly(1L, 2L, 1L, 0L);
        assertThat(after.messagesByKind()).isEqualTo(before.messagesByKind());
        assertThat(after.bot()).isEqualTo(before.bot());
        assertThat(after.staff()).isEqualTo(before.staff());
        assertThat(after.handoffs()).isEqualTo(before.handoffs());
        assertThat(after.usagePerDay()).isEqualTo(before.usagePerDay());
    }
}

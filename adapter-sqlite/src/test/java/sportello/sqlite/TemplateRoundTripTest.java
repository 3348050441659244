package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.out.OutboxEntry;
import sportello.ports.out.StorageUnavailable;

/** A template comes back from the file exactly as staff filled it in, whatever its values contain. */
class TemplateRoundTripTest {

    private static final TemplateMessage AWKWARD = new TemplateMessage(
            "aggiornamento_ordine",
            "it",
            List.of(
                    "Rossi, Giulia",
                    "l'ordine \"58213\"",
                    "perché è già lì",
                    "🎂🇮🇹👍🏽",
                    "C:\\ordini\\58213",
                    "[1, 2]",
                    "中文 “grazie”"));
    private static final String SHOWN = "Ciao Rossi, Giulia: l'ordine \"58213\" è in viaggio 🎂";

    @TempDir
    Path dir;

    private StorageOnFile storage;
    private ConversationId id;

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("sportello.db"));
        id = storage.conversationWith("c1", giulia()).id();
    }

    @Test
    void parametersWithCommasQuotesAccentsAndEmoji_roundTrip_whenClaimed() {
        var queued = storage.outbox().enqueueTemplate(id, Author.STAFF, AWKWARD, SHOWN, T0.plusSeconds(5));

        var claimed = storage.outbox().claimDue(T0.plusSeconds(5), 10);

        assertThat(queued.templateValue()).contains(AWKWARD);
        assertThat(claimed).singleElement().satisfies(entry -> {
            assertThat(entry.template()).isEqualTo(AWKWARD);
            assertThat(entry.text()).isEqualTo(SHOWN);
        });
    }

    @Test
    void sendInterruptedByARestart_isResumedWithTheTemplate() {
        storage.outbox().enqueueTemplate(id, Author.STAFF, AWKWARD, SHOWN, T0.plusSeconds(5));
        storage.outbox().claimDue(T0.plusSeconds(5), 10);

        var restarted = StorageOnFile.open(dir.resolve("sportello.db"));

        assertThat(restarted.outbox().interruptedSends())
                .extracting(OutboxEntry::template)
                .containsExactly(AWKWARD);
    }

    @Test
    void templateWithoutParameters_roundTrips() {
        var reminder = new TemplateMessage("promemoria", "en_US", List.of());

        storage.outbox().enqueueTemplate(id, Author.STAFF, reminder, reminder.preview(), T0.plusSeconds(5));

        assertThat(storage.outbox().claimDue(T0.plusSeconds(5), 10))
                .extracting(OutboxEntry::template)
                .containsExactly(reminder);
    }

    @Test
    void conversation_showsTheTemplateAsItsText_andTheListShowsItLast() {
        storage.outbox().enqueueTemplate(id, Author.STAFF, AWKWARD, SHOWN, T0.plusSeconds(5));

        var messages = storage.conversations().byId(id).orElseThrow().messages();

        assertThat(messages.getLast().kind()).isEqualTo(MessageKind.TEMPLATE);
        assertThat(messages.getLast().text()).isEqualTo(SHOWN);
        assertThat(storage.conversations()
                        .summaries(sportello.ports.out.ConversationQuery.page(T0.plusSeconds(60), 10, 0))
                        .getFirst()
                        .lastMessage())
                .isEqualTo(SHOWN);
    }

    @Test
    void storedParameters_areAJsonArraySqliteCanRead() {
        storage.outbox().enqueueTemplate(id, Author.STAFF, AWKWARD, SHOWN, T0.plusSeconds(5));

        List<String> stored = storage.database()
                .inReadTransaction(
                        "read the parameters with SQLite",
                        handle -> handle.createQuery(
                                        "SELECT p.value FROM message m,"
                                                + " json_each(m.template_parameters) p WHERE m.kind = 'TEMPLATE' ORDER BY p.key")
                                .mapTo(String.class)
                                .list());

        assertThat(stored).isEqualTo(AWKWARD.parameters());
    }

    @Test
    void schema_refusesATemplateRowWithoutItsTemplate() {
        assertThatThrownBy(() -> storage.database()
                        .useWriteTransaction(
                                "insert a broken row",
                                handle -> handle.execute("INSERT INTO message (id, conversation_id, direction, author,"
                                        + " kind, text, at, send_state) VALUES ('x', 'c1', 'OUT', 'STAFF', 'TEMPLATE',"
                                        + " 'Ciao', '2026-11-25T09:00:00.000000000Z', 'queued')")))
                .isInstanceOf(StorageUnavailable.class)
                .rootCause()
                .hasMessageContaining("CHECK constraint failed");
    }
}

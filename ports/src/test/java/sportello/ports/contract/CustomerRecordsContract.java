package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.marco;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.MessageKind;
import sportello.ports.out.AnalyticsReport.ReasonCount;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.CustomerRecords;
import sportello.ports.out.CustomerRecords.AuditEntry;
import sportello.ports.out.Usage;

/**
 * What every {@link CustomerRecords} must do: export everything stored about a customer, erase all of it and nothing
 * of anyone else, keep the analytics as they were, and keep the audit log.
 */
public abstract class CustomerRecordsContract {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** 10:00 in Rome on 25 November. */
    private static final Instant MORNING = Instant.parse("2026-11-25T09:00:00Z");

    private static final LocalDate NOV_24 = LocalDate.of(2026, 11, 24);
    private static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);
    private static final ConversationId GIULIA = new ConversationId("c1");
    private static final ConversationId MARCO = new ConversationId("c2");

    private Storage storage;
    private CustomerRecords records;
    private Traffic traffic;

    protected abstract Storage createStorage();

    @BeforeEach
    void setUp() {
        storage = createStorage();
        records = Objects.requireNonNull(storage.customerRecords(), "this storage was built without customer records");
        traffic = new Traffic(storage);
    }

    private static Usage usage(String cost, Instant at) {
        return new Usage("gpt-4.1-mini", 1200, 1024, 40, new BigDecimal(cost), at);
    }

    /** Giulia and Marco, each with messages, replies, a profile, model usage and a flag; Giulia also waits. */
    private void twoCustomers() {
        traffic.writes("c1", giulia(), "Buongiorno, sono Giulia Rossi, giulia.rossi@example.it", MORNING);
        traffic.answers("c1", Author.BOT, "Buongiorno Giulia!", MORNING.plusSeconds(3));
        traffic.writes("c1", giulia(), MessageKind.IMAGE, "lo scontrino", MORNING.plusSeconds(60));
        traffic.flags("c1", "Handoff requested: Giulia Rossi vuole un rimborso", MORNING.plusSeconds(61));
        traffic.answers("c1", Author.STAFF, "Ci pensiamo noi", MORNING.plusSeconds(300));
        traffic.writes("c2", marco(), "Ciao, ordine n. 12345", MORNING.plusSeconds(10));
        traffic.answers("c2", Author.BOT, "Ciao Marco", MORNING.plusSeconds(12));
        traffic.flags("c2", "The assistant could not answer", MORNING.plusSeconds(13));
        traffic.queues("c1", Author.STAFF, "Ancora da inviare", MORNING.plusSeconds(400));
        traffic.arrives(giulia(), "Mi sentite?", MORNING.plusSeconds(500));
        traffic.arrives(marco(), "Anche io aspetto", MORNING.plusSeconds(510));
        storage.usage().record(GIULIA, List.of(usage("0.001", MORNING.plusSeconds(2)), usage("0.002", MORNING)));
        storage.usage().record(MARCO, List.of(usage("0.004", MORNING.plusSeconds(11))));
    }

    @Test
    void export_holdsTheConversationItsUsageAndTheRawMessagesOfThatCustomerOnly() {
        twoCustomers();

        var export = records.export(GIULIA).orElseThrow();

        assertThat(export.conversation())
                .isEqualTo(storage.conversations().byId(GIULIA).orElseThrow());
        assertThat(export.conversation().profile().value("email")).isPresent();
        assertThat(export.usage()).isEqualTo(storage.usage().of(GIULIA)).hasSize(2);
        assertThat(export.rawMessages())
                .hasSize(3)
                .allSatisfy(raw -> assertThat(raw).startsWith("{\"id\":\"wamid.in-"))
                .anySatisfy(raw -> assertThat(raw).contains("giulia.rossi@example.it"))
                .anySatisfy(raw -> assertThat(raw).contains("Mi sentite?"))
                .noneSatisfy(raw -> assertThat(raw).contains("12345"));
    }

    @Test
    void unknownConversation_hasNothingToExportOrErase() {
        twoCustomers();

        assertThat(records.export(new ConversationId("nope"))).isEmpty();
        assertThat(records.erase(new ConversationId("nope"))).isEmpty();
        assertThat(storage.conversations().count(ConversationQuery.page(MORNING, 10, 0)))
                .isEqualTo(2);
    }

    @Test
    void erase_forgetsEverythingAboutTheCustomer_andNothingAboutOthers() {
        twoCustomers();
        var marcoBefore = records.export(MARCO).orElseThrow();

        var removed = records.erase(GIULIA);

        assertThat(removed)
                .containsEntry("conversation", 1)
                .containsEntry("message", 5)
                .containsEntry("inbox_message", 3)
                .containsEntry("model_usage", 2)
                .containsEntry("profile_value", 2);
        assertThat(storage.conversations().byId(GIULIA)).isEmpty();
        assertThat(storage.conversations().byCustomer(giulia())).isEmpty();
        assertThat(records.export(GIULIA)).isEmpty();
        assertThat(storage.usage().of(GIULIA)).isEmpty();
        assertThat(storage.conversations().summaries(ConversationQuery.page(MORNING, 10, 0)))
                .extracting(s -> s.id())
                .containsExactly(MARCO);
        assertThat(storage.conversations()
                        .count(new ConversationQuery("giulia", false, null, null, null, MORNING, 10, 0)))
                .isZero();
        assertThat(storage.inbox().pending(10))
                .extracting(e -> e.message().text())
                .containsExactly("Anche io aspetto");
        assertThat(storage.outbox().unsentCount()).isZero();
        assertThat(records.export(MARCO)).contains(marcoBefore);
        assertThat(records.erase(GIULIA)).isEmpty();
    }

    @Test
    void erase_leavesTheAnalyticsAsTheyWere_withTheReasonsOfFlagsCutToTheirCategory() {
        twoCustomers();
        var before = storage.analytics().report(NOV_24, NOV_26, ROME);

        records.erase(GIULIA);

        var after = storage.analytics().report(NOV_24, NOV_26, ROME);
        assertThat(after.conversationsPerDay()).isEqualTo(before.conversationsPerDay());
        assertThat(after.messagesByKind()).isEqualTo(before.messagesByKind());
        assertThat(after.usagePerDay()).isEqualTo(before.usagePerDay());
        assertThat(after.bot()).isEqualTo(before.bot());
        assertThat(after.staff()).isEqualTo(before.staff());
        assertThat(before.handoffs())
                .containsExactlyInAnyOrder(
                        new ReasonCount("Handoff requested: Giulia Rossi vuole un rimborso", 1),
                        new ReasonCount("The assistant could not answer", 1));
        assertThat(after.handoffs())
                .containsExactlyInAnyOrder(
                        new ReasonCount("Handoff requested", 1), new ReasonCount("The assistant could not answer", 1));
    }

    @Test
    void auditLog_keepsEveryEntry_oldestFirst() {
        var export = new AuditEntry(MORNING, "export", "c1", "staff:anna");
        var erase = new AuditEntry(MORNING.plusSeconds(60), "erase", "c1", "staff:anna");
        var earlier = new AuditEntry(MORNING.minusSeconds(60), "export", "c2", "cli");

        records.audit(export);
        records.audit(erase);
        records.audit(earlier);

        assertThat(records.auditLog()).containsExactly(earlier, export, erase);
    }
}

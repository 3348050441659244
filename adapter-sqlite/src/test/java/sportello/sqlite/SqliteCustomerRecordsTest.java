package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.StatusReport;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.CustomerRecords.AuditEntry;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.StorageUnavailable;
import sportello.ports.out.Usage;

/** Erasure leaves nothing of the customer in any table, and the analytics as they were. */
class SqliteCustomerRecordsTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T09:00:00Z");
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private static final Customer GIULIA = Customer.of("IT.1234567890123456", "393331234567", "Giulia Rossi");
    private static final Customer MARCO = Customer.of("IT.6543210987654321", "393387654321", "Marco Bianchi");
    private static final ConversationId C1 = new ConversationId("c1");
    private static final ConversationId C2 = new ConversationId("c2");

    private static final String GIULIA_HELLO = "Buongiorno, sono Giulia Rossi, scrivetemi a giulia.rossi@example.it";
    private static final String GIULIA_ORDER = "Il mio ordine n. 77031 non è arrivato";
    private static final String GIULIA_WAITING = "Qualcuno mi legge? Abito in via Garibaldi 12";
    private static final String BOT_TO_GIULIA = "Gentile cliente, controllo subito la spedizione";
    private static final String STAFF_TO_GIULIA = "Il rimborso per via Garibaldi è partito";
    private static final String MARCO_HELLO = "Salve, sono Marco Bianchi, ordine n. 12345";

    /** Everything that identifies Giulia or that she or we wrote to her. */
    private static final List<String> GIULIA_DATA = List.of(
            GIULIA.userId(),
            GIULIA.phone(),
            "Giulia Rossi",
            "giulia.rossi@example.it",
            "77031",
            GIULIA_HELLO,
            GIULIA_ORDER,
            GIULIA_WAITING,
            BOT_TO_GIULIA,
            STAFF_TO_GIULIA,
            "Garibaldi");

    private static final List<String> MARCO_DATA =
            List.of(MARCO.userId(), MARCO.phone(), "Marco Bianchi", MARCO_HELLO, "12345");

    @TempDir
    Path dir;

    private SqliteDatabase database;
    private SqliteConversations conversations;
    private SqliteInbox inbox;
    private SqliteOutbox outbox;
    private SqliteCustomerRecords records;
    private SqliteAnalytics analytics;
    private final ProfileSchema schema = ProfileSchema.standard();

    @BeforeEach
    void setUp() {
        database = SqliteDatabase.migrated(dir.resolve("sportello.db"));
        conversations = new SqliteConversations(database, schema);
        inbox = new SqliteInbox(database);
        outbox = new SqliteOutbox(database);
        records = new SqliteCustomerRecords(database);
        analytics = new SqliteAnalytics(database);
    }

    private static String contact(Customer customer) {
        return "{\"profile\":{\"name\":\"" + customer.displayName() + "\"},\"wa_id\":\"" + customer.phone()
                + "\",\"user_id\":\"" + customer.userId() + "\"}";
    }

    private static CustomerMessage message(Customer customer, String channelId, String text, Instant at) {
        String raw = "{\"from\":\"" + customer.phone() + "\",\"id\":\"" + channelId + "\",\"text\":{\"body\":\"" + text
                + "\"}}";
        return new CustomerMessage(TestMessages.ACCOUNT, channelId, customer, MessageKind.TEXT, text, at, raw);
    }

    /** A webhook body as WhatsApp sends it: the contacts and the messages, for one or more customers. */
    private static RawDelivery webhook(Instant at, List<Customer> contacts, List<CustomerMessage> messages) {
        String body = "{\"entry\":[{\"changes\":[{\"value\":{\"contacts\":["
                + String.join(
                        ",",
                        contacts.stream()
                                .map(SqliteCustomerRecordsTest::contact)
                                .toList())
                + "],\"messages\":["
                + String.join(",", messages.stream().map(CustomerMessage::raw).toList()) + "]}}]}]}";
        return new RawDelivery("whatsapp", body.getBytes(StandardCharsets.UTF_8), at);
    }

    /** Processes the pending inbox as the app does: into each customer's conversation. */
    private void processPending() {
        for (var entry : inbox.pending(100)) {
            var message = entry.message();
            var id = message.customer().equals(GIULIA) ? C1 : C2;
            var conversation = conversations.byId(id).orElseGet(() -> Conversation.start(id, message.customer()));
            conversations.save(conversation
                    .receive("m-" + message.channelMessageId(), message, schema)
                    .conversation());
            inbox.markDone(entry.id());
        }
    }

    private void answer(ConversationId id, Author author, String text, Instant at, String channelId) {
        var entry = outbox.enqueue(id, author, text, null, at);
        outbox.claimDue(at, 10);
        outbox.accepted(entry.id(), channelId);
        var recipient = id.equals(C1) ? GIULIA : MARCO;
        String body = "{\"statuses\":[{\"id\":\"" + channelId + "\",\"status\":\"delivered\",\"recipient_id\":\""
                + recipient.phone() + "\",\"biz_opaque_callback_data\":\"" + entry.id() + "\"}]}";
        inbox.store(
                new RawDelivery("whatsapp", body.getBytes(StandardCharsets.UTF_8), at.plusSeconds(2)),
                List.of(),
                List.of(new StatusReport(
                        TestMessages.ACCOUNT,
                        channelId,
                        DeliveryState.DELIVERED,
                        at.plusSeconds(2),
                        null,
                        entry.id())));
    }

    private void twoCustomers() {
        inbox.store(
                webhook(MORNING, List.of(GIULIA), List.of(message(GIULIA, "wamid.g1", GIULIA_HELLO, MORNING))),
                List.of(message(GIULIA, "wamid.g1", GIULIA_HELLO, MORNING)),
                List.of());
        processPending();
        answer(C1, Author.BOT, BOT_TO_GIULIA, MORNING.plusSeconds(4), "wamid.out-g1");
        // one webhook carrying both customers' messages
        var giuliaOrder = message(GIULIA, "wamid.g2", GIULIA_ORDER, MORNING.plusSeconds(60));
        var marcoHello = message(MARCO, "wamid.m1", MARCO_HELLO, MORNING.plusSeconds(61));
        inbox.store(
                webhook(MORNING.plusSeconds(62), List.of(GIULIA, MARCO), List.of(giuliaOrder, marcoHello)),
                List.of(giuliaOrder, marcoHello),
                List.of());
        processPending();
        conversations.save(conversations
                .byId(C1)
                .orElseThrow()
                .withMode(sportello.domain.conversation.Mode.HUMAN)
                .flagForStaff(
                        "Handoff requested: Giulia Rossi vuole un rimborso per l'ordine 77031",
                        MORNING.plusSeconds(70)));
        answer(C1, Author.STAFF, STAFF_TO_GIULIA, MORNING.plusSeconds(600), "wamid.out-g2");
        answer(C2, Author.BOT, "Ciao, verifico l'ordine", MORNING.plusSeconds(65), "wamid.out-m1");
        conversations.markSeenByStaff(C1, MORNING.plusSeconds(601));
        new SqliteUsageLog(database)
                .record(
                        C1,
                        List.of(
                                new Usage(
                                        "gpt-4.1-mini",
                                        1864,
                                        1536,
                                        38,
                                        new BigDecimal("0.000346"),
                                        MORNING.plusSeconds(3)),
                                new Usage(
                                        "gpt-4.1-mini",
                                        2000,
                                        0,
                                        50,
                                        new BigDecimal("0.0011"),
                                        MORNING.plusSeconds(61))));
        new SqliteUsageLog(database)
                .record(
                        C2,
                        List.of(new Usage(
                                "gpt-4.1-mini", 900, 0, 20, new BigDecimal("0.0002"), MORNING.plusSeconds(64))));
        // something we could not read, naming Giulia's number
        inbox.storeUnreadable(
                new RawDelivery(
                        "whatsapp",
                        ("{\"broken\":\"" + GIULIA.phone()).getBytes(StandardCharsets.UTF_8),
                        MORNING.plusSeconds(700)),
                "not JSON");
        // and a message still waiting to be processed
        var waiting = message(GIULIA, "wamid.g3", GIULIA_WAITING, MORNING.plusSeconds(800));
        inbox.store(webhook(MORNING.plusSeconds(800), List.of(GIULIA), List.of(waiting)), List.of(waiting), List.of());
    }

    /** Every table and column holding {@code needle} (case-insensitively, also inside blobs), as table.column. */
    private List<String> whereFound(String needle) {
        return database.inReadTransaction("scan", handle -> {
            var found = new ArrayList<String>();
            var tables = handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                    .mapTo(String.class)
                    .list();
            for (String table : tables) {
                var columns = handle.createQuery("SELECT name FROM pragma_table_info(:table)")
                        .bind("table", table)
                        .mapTo(String.class)
                        .list();
                for (String column : columns) {
                    String c = "\"" + column + "\"";
                    int hits = handle.createQuery("SELECT count(*) FROM \"" + table + "\" WHERE"
                                    + " instr(lower(CAST(" + c + " AS TEXT)), lower(:needle)) > 0"
                                    + " OR instr(CAST(" + c + " AS BLOB), CAST(:needle AS BLOB)) > 0")
                            .bind("needle", needle)
                            .mapTo(Integer.class)
                            .one();
                    if (hits > 0) {
                        found.add(table + "." + column);
                    }
                }
            }
            return found;
        });
    }

    private int count(String sql) {
        return database.inReadTransaction(
                "count", handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void theScan_findsTheCustomerEverywhereBeforeTheErasure() {
        twoCustomers();

        assertThat(whereFound(GIULIA.phone()))
                .contains(
                        "conversation.phone",
                        "conversation.search_text",
                        "inbox_message.customer_phone",
                        "inbox_message.raw",
                        "webhook_delivery.body");
        assertThat(whereFound("Giulia Rossi"))
                .contains(
                        "conversation.display_name",
                        "conversation.profile_name",
                        "profile_value.value",
                        "message.text",
                        "attention_event.reason");
        assertThat(whereFound(STAFF_TO_GIULIA)).contains("message.text", "conversation.last_message_text");
        assertThat(count("SELECT count(*) FROM customer_turn WHERE conversation_id = 'c1'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM model_usage WHERE conversation_id = 'c1'"))
                .isEqualTo(2);
    }

    @Test
    void afterErasure_noTableHoldsAnythingOfTheCustomer_andTheOtherCustomerIsWhole() {
        twoCustomers();

        var removed = records.erase(C1);

        for (String needle : GIULIA_DATA) {
            assertThat(whereFound(needle)).as(needle).isEmpty();
        }
        for (String needle : MARCO_DATA) {
            assertThat(whereFound(needle)).as(needle).isNotEmpty();
        }
        for (String table : List.of("message", "profile_value", "customer_turn", "attention_event", "model_usage")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE conversation_id = 'c1'"))
                    .as(table)
                    .isZero();
        }
        assertThat(removed)
                .containsEntry("conversation", 1)
                .containsEntry("message", 4)
                .containsEntry("inbox_message", 3)
                .containsEntry("status_report", 2)
                .containsEntry("customer_turn", 2)
                .containsEntry("attention_event", 1)
                .containsEntry("model_usage", 2)
                // her first webhook, her two status webhooks, the unreadable one and the one with her waiting message
                .containsEntry("webhook_delivery", 5)
                // the webhook she shared with Marco stays for Marco's inbox row, without its body
                .containsEntry("webhook_delivery_emptied", 1);
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE length(body) = 0"))
                .isEqualTo(1);
        assertThat(records.export(C2).orElseThrow().rawMessages())
                .singleElement()
                .satisfies(raw -> assertThat(raw).contains(MARCO_HELLO));
        assertThat(conversations.byId(C2).orElseThrow().messages()).hasSize(2);
    }

    @Test
    void customerWhoSentAFile_isExportedWithIt_andErasedWithTheFilesDescription() {
        var invoice = new CustomerMessage(
                TestMessages.ACCOUNT,
                "wamid.g-doc",
                GIULIA,
                MessageKind.DOCUMENT,
                "",
                MORNING,
                "{\"document\":{\"id\":\"998877\"}}",
                new Attachment("998877", "application/pdf", "fattura-Rossi-77031.pdf"));
        inbox.store(webhook(MORNING, List.of(GIULIA), List.of(invoice)), List.of(invoice), List.of());
        processPending();

        var files = records.export(C1).orElseThrow().conversation().messages().stream()
                .flatMap(message -> message.attachmentValue().stream())
                .toList();
        records.erase(C1);

        assertThat(files).containsExactly(invoice.attachment());
        assertThat(whereFound("998877")).isEmpty();
        assertThat(whereFound("fattura-Rossi")).isEmpty();
    }

    @Test
    void customerSentATemplate_isExportedWithIt_andErasedWithItsValues() {
        inbox.store(
                webhook(MORNING, List.of(GIULIA), List.of(message(GIULIA, "wamid.g1", GIULIA_HELLO, MORNING))),
                List.of(message(GIULIA, "wamid.g1", GIULIA_HELLO, MORNING)),
                List.of());
        processPending();
        var template = new TemplateMessage("rimborso_emesso", "it", List.of("Giulia Rossi", "77031, via Garibaldi"));
        outbox.enqueueTemplate(C1, Author.STAFF, template, STAFF_TO_GIULIA, MORNING.plusSeconds(5));
        assertThat(whereFound("rimborso_emesso")).containsExactly("message.template_name");
        assertThat(whereFound("77031, via Garibaldi")).containsExactly("message.template_parameters");

        var exported = records.export(C1).orElseThrow().conversation().messages();
        var removed = records.erase(C1);

        assertThat(exported.getLast().kind()).isEqualTo(MessageKind.TEMPLATE);
        assertThat(exported.getLast().text()).isEqualTo(STAFF_TO_GIULIA);
        assertThat(removed).containsEntry("message", 2);
        assertThat(whereFound("rimborso_emesso")).isEmpty();
        assertThat(whereFound("77031")).isEmpty();
        assertThat(whereFound(STAFF_TO_GIULIA)).isEmpty();
    }

    @Test
    void afterErasure_theFiguresOfEveryDayAreTheSame_andOnlyAnonymousCountsAreLeft() {
        twoCustomers();
        var day = LocalDate.of(2026, 11, 25);
        var before = analytics.report(day.minusDays(1), day.plusDays(1), ROME);
        var beforeUtc = analytics.report(day.minusDays(1), day.plusDays(1), ZoneId.of("UTC"));
        var beforeKathmandu = analytics.report(day.minusDays(1), day.plusDays(1), ZoneId.of("Asia/Kathmandu"));

        records.erase(C1);

        var after = analytics.report(day.minusDays(1), day.plusDays(1), ROME);
        assertThat(after.conversationsPerDay()).isEqualTo(before.conversationsPerDay());
        assertThat(after.messagesByKind()).isEqualTo(before.messagesByKind());
        assertThat(after.usagePerDay()).isEqualTo(before.usagePerDay());
        assertThat(after.bot()).isEqualTo(before.bot());
        assertThat(after.staff()).isEqualTo(before.staff());
        assertThat(analytics
                        .report(day.minusDays(1), day.plusDays(1), ZoneId.of("UTC"))
                        .conversationsPerDay())
                .isEqualTo(beforeUtc.conversationsPerDay());
        assertThat(analytics
                        .report(day.minusDays(1), day.plusDays(1), ZoneId.of("Asia/Kathmandu"))
                        .conversationsPerDay())
                .isEqualTo(beforeKathmandu.conversationsPerDay());
        assertThat(before.conversationsPerDay().get(1).count()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM erased_activity")).isPositive();
        assertThat(count("SELECT count(*) FROM erased_usage")).isEqualTo(2);
    }

    @Test
    void exportAndErasure_areRecordedInTheAuditLog_whichSurvivesTheErasure() {
        twoCustomers();

        records.export(C1).orElseThrow();
        records.audit(new AuditEntry(MORNING.plusSeconds(1000), "export", "c1", "staff:anna"));
        records.erase(C1);
        records.audit(new AuditEntry(MORNING.plusSeconds(1001), "erase", "c1", "staff:anna"));

        assertThat(records.auditLog())
                .extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::actor)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("export", "c1", "staff:anna"),
                        org.assertj.core.api.Assertions.tuple("erase", "c1", "staff:anna"));
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(2);
    }

    @Test
    void erasureThatFailsHalfway_changesNothing() {
        twoCustomers();
        database.useWriteTransaction(
                "break erasure",
                handle -> handle.execute("CREATE TRIGGER no_delete BEFORE DELETE ON conversation"
                        + " BEGIN SELECT RAISE(ABORT, 'refused by test'); END"));

        assertThatThrownBy(() -> records.erase(C1))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageContaining("refused by test");

        assertThat(records.export(C1)).hasValueSatisfying(export -> {
            assertThat(export.conversation().messages()).hasSize(4);
            assertThat(export.rawMessages()).hasSize(3);
            assertThat(export.usage()).hasSize(2);
        });
        assertThat(whereFound(GIULIA.phone())).contains("webhook_delivery.body");
        assertThat(count("SELECT count(*) FROM erased_activity")).isZero();
        assertThat(count("SELECT count(*) FROM erased_usage")).isZero();
    }
}

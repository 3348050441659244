package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.marco;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import sportello.domain.conversation.StatusReport;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.RawDelivery;
import sportello.sql.Timestamps;

/** What retention leaves in the tables: the rows it must keep, none of the ones it must forget. */
class SqliteRetentionTest {

    private static final Instant OLD = Instant.parse("2026-04-26T09:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2026-05-25T00:00:00Z");
    private static final Instant RECENT = Instant.parse("2026-11-20T09:00:00Z");
    private static final ConversationId C1 = new ConversationId("c1");

    @TempDir
    Path dir;

    private StorageOnFile storage;
    private SqliteRetention retention;
    private final ProfileSchema schema = ProfileSchema.standard();

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("sportello.db"));
        retention = new SqliteRetention(storage.database());
    }

    private int count(String sql) {
        return storage.database()
                .inReadTransaction(
                        "count",
                        handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static RawDelivery delivery(String body, Instant at) {
        return new RawDelivery("whatsapp", body.getBytes(StandardCharsets.UTF_8), at);
    }

    private static CustomerMessage message(Customer customer, String channelId, String text, Instant at) {
        return new CustomerMessage(
                TestMessages.ACCOUNT,
                channelId,
                customer,
                sportello.domain.conversation.MessageKind.TEXT,
                text,
                at,
                "{\"id\":\"" + channelId + "\"}");
    }

    /** Stored, processed into conversation c1 and marked done. */
    private void handled(String channelId, String text, Instant at) {
        var message = message(giulia(), channelId, text, at);
        storage.inbox().store(delivery("{\"m\":\"" + channelId + "\"}", at), List.of(message), List.of());
        var entry = storage.inbox().pending(100).stream()
                .filter(e -> e.message().equals(message))
                .findFirst()
                .orElseThrow();
        var conversation = storage.conversations().byId(C1).orElseGet(() -> Conversation.start(C1, giulia()));
        storage.conversations()
                .save(conversation.receive("m-" + channelId, message, schema).conversation());
        storage.inbox().markDone(entry.id());
    }

    @Test
    void oldRawDeliveries_goWhenNothingRefersToThemAnyMore() {
        handled("wamid.old", "Vecchio", OLD);
        handled("wamid.new", "Nuovo", RECENT);
        // an old message nobody processed yet, and something old we could not read
        storage.inbox()
                .store(
                        delivery("{\"m\":\"waiting\"}", OLD),
                        List.of(message(marco(), "wamid.wait", "Aspetto", OLD)),
                        List.of());
        storage.inbox().storeUnreadable(delivery("garbage", OLD), "not JSON");
        // an old reply sent and reported, and an old one still in doubt whose report must stay to settle it
        var sent = storage.outbox().enqueue(C1, Author.BOT, "Risposta", null, OLD.plusSeconds(1));
        storage.outbox().claimDue(OLD.plusSeconds(1), 10);
        storage.outbox().accepted(sent.id(), "wamid.out-1");
        var doubtful = storage.outbox().enqueue(C1, Author.BOT, "Forse inviata", null, OLD.plusSeconds(2));
        storage.outbox().claimDue(OLD.plusSeconds(2), 10);
        storage.outbox().inDoubt(doubtful.id(), RECENT, "timeout");
        storage.inbox()
                .store(
                        delivery("{\"statuses\":1}", OLD.plusSeconds(3)),
                        List.of(),
                        List.of(new StatusReport(
                                TestMessages.ACCOUNT,
                                "wamid.out-1",
                                DeliveryState.DELIVERED,
                                OLD.plusSeconds(3),
                                null,
                                sent.id())));
        storage.inbox()
                .store(
                        delivery("{\"statuses\":2}", OLD.plusSeconds(4)),
                        List.of(),
                        List.of(new StatusReport(
                                TestMessages.ACCOUNT,
                                "wamid.out-2",
                                DeliveryState.SENT,
                                OLD.plusSeconds(4),
                                null,
                                doubtful.id())));

        int deleted = retention.deleteMessagesBefore(CUTOFF);

        assertThat(deleted).isEqualTo(2); // "Vecchio" and "Risposta"
        assertThat(storage.outbox().channelIdFromStatusReports(doubtful.id())).contains("wamid.out-2");
        assertThat(count("SELECT count(*) FROM inbox_message")).isEqualTo(2); // the new one and the waiting one
        assertThat(count("SELECT count(*) FROM inbox_message WHERE state = 'pending'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM status_report")).isEqualTo(1);
        List<String> bodies = storage.database()
                .inReadTransaction(
                        "bodies",
                        handle -> handle.createQuery("SELECT CAST(body AS TEXT) FROM webhook_delivery ORDER BY id")
                                .mapTo(String.class)
                                .list());
        assertThat(bodies).containsExactly("{\"m\":\"wamid.new\"}", "{\"m\":\"waiting\"}", "{\"statuses\":2}");
    }

    @Test
    void oldMessagesWithFiles_areForgottenWithTheirAttachment() {
        var photo = new CustomerMessage(
                TestMessages.ACCOUNT,
                "wamid.photo",
                giulia(),
                sportello.domain.conversation.MessageKind.IMAGE,
                "Lo scontrino",
                OLD,
                "{\"id\":\"wamid.photo\"}",
                new Attachment("1203948576102938", "image/jpeg", null));
        storage.inbox().store(delivery("{\"m\":\"photo\"}", OLD), List.of(photo), List.of());
        var entry = storage.inbox().pending(10).getFirst();
        storage.conversations()
                .save(Conversation.start(C1, giulia())
                        .receive("m-photo", photo, schema)
                        .conversation());
        storage.inbox().markDone(entry.id());

        int deleted = retention.deleteMessagesBefore(CUTOFF);

        assertThat(deleted).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM message WHERE media_id IS NOT NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM inbox_message WHERE media_id IS NOT NULL"))
                .isZero();
    }

    @Test
    void oldTemplates_areForgottenOnceSent_andKeptWhileStillToBeSent() {
        handled("wamid.old", "Vecchio", OLD);
        var template = new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia", "58213"));
        var sent =
                storage.outbox().enqueueTemplate(C1, Author.STAFF, template, "Il 58213 è partito", OLD.plusSeconds(1));
        storage.outbox().claimDue(OLD.plusSeconds(1), 10);
        storage.outbox().accepted(sent.id(), "wamid.template-1");
        var waiting =
                storage.outbox().enqueueTemplate(C1, Author.STAFF, template, "Il 58213 è partito", OLD.plusSeconds(2));

        int deleted = retention.deleteMessagesBefore(CUTOFF);

        assertThat(deleted).isEqualTo(2); // "Vecchio" and the sent template
        assertThat(count("SELECT count(*) FROM message WHERE template_name IS NOT NULL"))
                .isEqualTo(1);
        assertThat(storage.outbox().claimDue(RECENT, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(waiting.id());
            assertThat(entry.templateValue()).contains(template);
        });
    }

    @Test
    void conversationWithoutMessagesLeft_keepsItsTimesInTheRow_butNoTextAndNoUnread() {
        handled("wamid.1", "Vecchio", OLD);
        handled("wamid.2", "Ancora vecchio", OLD.plusSeconds(60));

        retention.deleteMessagesBefore(CUTOFF);

        var row = storage.database()
                .inReadTransaction(
                        "row",
                        handle -> handle.createQuery(
                                        "SELECT last_message_at, last_message_text, last_inbound_at, unread FROM conversation")
                                .mapToMap()
                                .one());
        assertThat(row)
                .containsEntry("last_message_at", Timestamps.text(OLD.plusSeconds(60)))
                .containsEntry("last_message_text", "")
                .containsEntry("last_inbound_at", Timestamps.text(OLD.plusSeconds(60)))
                .containsEntry("unread", 0);
        // the next message takes over as usual
        handled("wamid.3", "Sono tornata", RECENT);
        assertThat(storage.conversations().summaries(sportello.ports.out.ConversationQuery.page(RECENT, 10, 0)))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.lastMessage()).isEqualTo("Sono tornata");
                    assertThat(s.unread()).isEqualTo(1);
                });
    }

    @Test
    void yearsOfMessages_areForgottenInBatches_andCountedForTheAnalytics() {
        var conversation = Conversation.start(C1, giulia());
        var messages = new ArrayList<CustomerMessage>();
        int total = SqliteRetention.BATCH * 2 + 500;
        for (int i = 0; i < total; i++) {
            var message = message(giulia(), "wamid." + i, "messaggio " + i, OLD.minus(Duration.ofHours(i)));
            messages.add(message);
            conversation = conversation.receive("m-" + i, message, schema).conversation();
        }
        storage.inbox().store(delivery("{}", OLD), messages, List.of());
        storage.database()
                .useWriteTransaction("handled", handle -> handle.execute("UPDATE inbox_message SET state = 'done'"));
        storage.conversations().save(conversation);
        var from = LocalDate.of(2026, 1, 1);
        var to = LocalDate.of(2026, 4, 30);
        var analytics = new SqliteAnalytics(storage.database());
        var before = analytics.report(from, to, ZoneId.of("Europe/Rome"));

        int deleted = retention.deleteMessagesBefore(CUTOFF);

        assertThat(deleted).isEqualTo(total);
        assertThat(count("SELECT count(*) FROM message")).isZero();
        assertThat(count("SELECT count(*) FROM inbox_message")).isZero();
        assertThat(count("SELECT count(*) FROM webhook_delivery")).isZero();
        var after = analytics.report(from, to, ZoneId.of("Europe/Rome"));
        assertThat(after.conversationsPerDay()).isEqualTo(before.conversationsPerDay());
        assertThat(after.messagesByKind()).isEqualTo(before.messagesByKind()).containsEntry("TEXT", (long) total);
    }
}

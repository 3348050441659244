package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Pricing;
import sportello.domain.conversation.StatusReport;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.AnalyticsReport.ReasonCount;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.OutboxEntry;

/** A database written by an earlier version shows what it holds fully after the upgrade, and takes new data. */
class UpgradeTest {

    @TempDir
    Path dir;

    /** A database file at schema {@code version}, as that release of Sportello left it. */
    private SQLiteDataSource migratedTo(Path file, String version) {
        var source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .target(version)
                .loggers("slf4j")
                .load()
                .migrate();
        return source;
    }

    @Test
    void conversationsStoredBeforeV2_areListedWithNameCompletenessUnreadAndSearch_afterTheUpgrade()
            throws SQLException {
        var file = dir.resolve("sportello.db");
        var source = migratedTo(file, "1");
        try (var connection = source.getConnection();
                var sql = connection.createStatement()) {
            sql.execute("INSERT INTO conversation (id, customer_key, user_id, phone, display_name, mode,"
                    + " attention_reason, attention_since, last_message_at, last_message_text) VALUES ('c1',"
                    + " 'IT.1', 'IT.1', '393331234567', 'Giuli', 'BOT', 'Handoff requested',"
                    + " '2026-11-25T09:00:02.000000000Z', '2026-11-25T09:00:01.000000000Z', 'ordine 58213')");
            sql.execute("INSERT INTO message (id, conversation_id, direction, author, kind, text, at, delivery_state)"
                    + " VALUES ('m1', 'c1', 'IN', 'CUSTOMER', 'TEXT', 'Ciao', '2026-11-25T09:00:00.000000000Z',"
                    + " 'DELIVERED'), ('m2', 'c1', 'IN', 'CUSTOMER', 'TEXT', 'ordine 58213',"
                    + " '2026-11-25T09:00:01.000000000Z', 'DELIVERED')");
            sql.execute("INSERT INTO profile_value (conversation_id, field, value, source, recorded_at) VALUES"
                    + " ('c1', 'name', 'Giulia Rossi', 'm1', '2026-11-25T09:00:00.000000000Z'),"
                    + " ('c1', 'email', 'giulia@example.it', 'm1', '2026-11-25T09:00:00.000000000Z'),"
                    + " ('c1', 'orderNumber', '58213', 'm2', '2026-11-25T09:00:01.000000000Z')");
        }

        var database = SqliteDatabase.migrated(file);
        var conversations = new SqliteConversations(database, ProfileSchema.standard());

        var found = conversations.summaries(
                new ConversationQuery("58213", false, true, null, true, T0.plusSeconds(60), 10, 0));
        assertThat(found).singleElement().satisfies(summary -> {
            assertThat(summary.name()).isEqualTo("Giulia Rossi");
            assertThat(summary.profileComplete()).isTrue();
            assertThat(summary.unread()).isEqualTo(2);
            assertThat(summary.lastInboundAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(summary.attentionReason()).isEqualTo("Handoff requested");
        });
        var day = LocalDate.of(2026, 11, 25);
        assertThat(new SqliteAnalytics(database)
                        .report(day, day, ZoneOffset.UTC)
                        .handoffs())
                .containsExactly(new ReasonCount("Handoff requested", 1));
    }

    @Test
    void rowsStoredBeforeV4_readBackWithoutAttachmentsOrPricing_andNewRowsKeepAttachmentsTemplatesAndPricing()
            throws Exception {
        var file = dir.resolve("sportello.db");
        var source = migratedTo(file, "3");
        try (var connection = source.getConnection();
                var sql = connection.createStatement()) {
            sql.execute("INSERT INTO webhook_delivery (id, channel, body, received_at) VALUES"
                    + " (1, 'whatsapp', X'7B7D', '2026-11-25T09:00:00.000000000Z')");
            sql.execute("INSERT INTO inbox_message (delivery_id, channel_account, channel_message_id, customer_key,"
                    + " customer_user_id, customer_phone, customer_display_name, kind, text, sent_at, raw) VALUES"
                    + " (1, '" + TestMessages.ACCOUNT + "', 'wamid.old', 'IT.1', 'IT.1', '393331234567', 'Giulia',"
                    + " 'TEXT', 'Ancora in coda', '2026-11-25T09:00:00.000000000Z', '{}')");
            sql.execute("INSERT INTO conversation (id, customer_key, user_id, phone, display_name, mode,"
                    + " last_message_at, last_message_text) VALUES ('c1', 'IT.1', 'IT.1', '393331234567', 'Giulia',"
                    + " 'BOT', '2026-11-25T09:00:00.000000000Z', 'Ciao')");
            sql.execute("INSERT INTO message (id, conversation_id, channel_message_id, direction, author, kind,"
                    + " text, at, delivery_state) VALUES ('m1', 'c1', 'wamid.c1', 'IN', 'CUSTOMER', 'TEXT', 'Ciao',"
                    + " '2026-11-25T09:00:00.000000000Z', 'DELIVERED')");
            sql.execute("INSERT INTO status_report (delivery_id, channel_account, channel_message_id, state, at) VALUES"
                    + " (1, '" + TestMessages.ACCOUNT + "', 'wamid.out', 'SENT', '2026-11-25T09:00:01.000000000Z')");
        }

        var storage = StorageOnFile.open(file);
        var giulia = Customer.of("IT.1", "393331234567", "Giulia");

        assertThat(storage.inbox().pending(10)).singleElement().satisfies(entry -> {
            assertThat(entry.message().attachmentValue()).isEmpty();
            assertThat(entry.message().refersToValue()).isEmpty();
        });
        var analytics = new SqliteAnalytics(storage.database());
        var day = LocalDate.of(2026, 11, 25);
        assertThat(analytics.chargedMessagesPerCategory(day, day, ZoneOffset.UTC))
                .isEmpty();
        var conversation =
                storage.conversations().byId(new ConversationId("c1")).orElseThrow();
        assertThat(conversation.messages())
                .singleElement()
                .satisfies(message -> assertThat(message.attachmentValue()).isEmpty());
        var photo = TestMessages.photo(giulia, "wamid.photo", "1203948576102938", "Lo scontrino");
        storage.inbox().store(StorageOnFile.raw(), List.of(photo), List.of());
        var withPhoto =
                conversation.receive("m2", photo, ProfileSchema.standard()).conversation();
        storage.conversations().save(withPhoto);
        assertThat(storage.inbox().pending(10)).extracting(InboxEntry::message).contains(photo);
        assertThat(storage.conversations().byId(conversation.id())).contains(withPhoto);
        var template = new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia", "58213"));
        storage.outbox().enqueueTemplate(conversation.id(), Author.STAFF, template, "Il 58213 è partito", T0);
        assertThat(storage.outbox().claimDue(T0, 10))
                .extracting(OutboxEntry::template)
                .containsExactly(template);
        storage.inbox()
                .store(
                        StorageOnFile.raw(),
                        List.of(),
                        List.of(new StatusReport(
                                TestMessages.ACCOUNT,
                                "wamid.out",
                                DeliveryState.DELIVERED,
                                T0.plusSeconds(2),
                                null,
                                null,
                                new Pricing("PMP", "regular", "utility"))));
        assertThat(analytics.chargedMessagesPerCategory(day, day, ZoneOffset.UTC))
                .containsExactly(Map.entry("utility", 1L));
        var media =
                new SqliteMediaStore(storage.database(), dir.resolve("media"), InstantSource.fixed(TestMessages.T0));
        media.save("1203948576102938", "image/jpeg", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertThat(media.find("1203948576102938")).isPresent();
    }

    @Test
    void conversationsStoredBeforeV5_haveNoChannelClosure_andKeepOneSavedAfterTheUpgrade() throws SQLException {
        var file = dir.resolve("sportello.db");
        var source = migratedTo(file, "4");
        try (var connection = source.getConnection();
                var sql = connection.createStatement()) {
            sql.execute("INSERT INTO conversation (id, customer_key, user_id, phone, display_name, mode,"
                    + " last_message_at, last_message_text, last_inbound_at) VALUES ('c1', 'IT.1', 'IT.1',"
                    + " '393331234567', 'Giulia', 'BOT', '2026-11-25T09:00:00.000000000Z', 'Ciao',"
                    + " '2026-11-25T09:00:00.000000000Z')");
            sql.execute("INSERT INTO message (id, conversation_id, channel_message_id, direction, author, kind,"
                    + " text, at, delivery_state) VALUES ('m1', 'c1', 'wamid.c1', 'IN', 'CUSTOMER', 'TEXT', 'Ciao',"
                    + " '2026-11-25T09:00:00.000000000Z', 'DELIVERED')");
        }

        var storage = StorageOnFile.open(file);

        List<String> closures = storage.database()
                .inReadTransaction(
                        "read the closures",
                        handle -> handle.createQuery("SELECT window_closed_at FROM conversation")
                                .mapTo(String.class)
                                .list());
        assertThat(closures).containsExactly((String) null);
        var conversation =
                storage.conversations().byId(new ConversationId("c1")).orElseThrow();
        assertThat(conversation.windowClosedAtValue()).isEmpty();
        var inAnHour = T0.plusSeconds(3600);
        var open = new ConversationQuery(null, false, null, null, true, inAnHour, 10, 0);
        assertThat(storage.conversations().summaries(open))
                .singleElement()
                .satisfies(summary -> assertThat(summary.windowClosedAt()).isNull());
        storage.conversations().save(conversation.windowClosedByChannel(T0.plusSeconds(60)));
        assertThat(storage.conversations().summaries(open)).isEmpty();
        assertThat(storage.conversations().byId(conversation.id()).orElseThrow().windowClosedAtValue())
                .contains(T0.plusSeconds(60));
    }
}

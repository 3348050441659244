package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.AnalyticsReport.ReasonCount;
import sportello.ports.out.ConversationQuery;

/** A database written before the list's columns existed shows its conversations fully after the upgrade. */
class UpgradeTest {

    @TempDir
    Path dir;

    @Test
    void conversationsStoredBeforeV2_areListedWithNameCompletenessUnreadAndSearch_afterTheUpgrade()
            throws SQLException {
        var file = dir.resolve("sportello.db");
        var source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .target("1")
                .loggers("slf4j")
                .load()
                .migrate();
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
}

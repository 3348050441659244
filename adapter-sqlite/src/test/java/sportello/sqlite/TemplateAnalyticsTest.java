package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.TemplateMessage;

/** A template is staff's answer in the figures; "messages by type" counts only what customers sent. */
class TemplateAnalyticsTest {

    @TempDir
    Path dir;

    @Test
    void templateSent_answersTheCustomersTurn_andIsNotAMessageTypeCustomersSent() {
        var storage = StorageOnFile.open(dir.resolve("sportello.db"));
        var conversation = storage.conversationWith("c1", giulia());
        var template = new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia", "58213"));

        storage.outbox()
                .enqueueTemplate(conversation.id(), Author.STAFF, template, "Il 58213 è partito", T0.plusSeconds(30));

        var day = LocalDate.of(2026, 11, 25);
        var report = new SqliteAnalytics(storage.database()).report(day, day, ZoneOffset.UTC);
        assertThat(report.messagesByKind()).isEqualTo(Map.of("TEXT", 1L));
        assertThat(report.staff().samples()).isEqualTo(1);
        assertThat(report.staff().averageSeconds()).isEqualTo(30.0);
    }
}

package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.ACCOUNT;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.StatusReport;
import sportello.ports.out.ConversationQuery;

/** A message staff sent from the WhatsApp Business app is staff's answer everywhere a queued one would be. */
class RecordSentTest {

    @TempDir
    Path dir;

    private StorageOnFile storage;
    private Conversation conversation;

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("sportello.db"));
        conversation = storage.conversationWith("c1", giulia());
    }

    @Test
    void messageSentFromThePhone_answersTheCustomersTurn_andLeadsTheList() {
        storage.outbox().recordSent(conversation.id(), Author.STAFF, "Ci penso io!", "wamid.echo", T0.plusSeconds(45));

        var day = LocalDate.of(2026, 11, 25);
        var report = new SqliteAnalytics(storage.database()).report(day, day, ZoneOffset.UTC);
        assertThat(report.staff().samples()).isEqualTo(1);
        assertThat(report.staff().averageSeconds()).isEqualTo(45.0);
        assertThat(storage.conversations().summaries(ConversationQuery.page(T0.plusSeconds(60), 10, 0)))
                .singleElement()
                .satisfies(summary -> assertThat(summary.lastMessage()).isEqualTo("Ci penso io!"));
    }

    @Test
    void messageSentFromThePhone_followsTheChannelsLaterReports() {
        storage.outbox().recordSent(conversation.id(), Author.STAFF, "Ci penso io!", "wamid.echo", T0);

        storage.inbox()
                .store(
                        StorageOnFile.raw(),
                        List.of(),
                        List.of(new StatusReport(
                                ACCOUNT, "wamid.echo", DeliveryState.READ, T0.plusSeconds(5), null, null)));

        var sent = storage.conversations().byId(conversation.id()).orElseThrow().messages().stream()
                .filter(message -> message.direction() == Direction.OUT)
                .findFirst()
                .orElseThrow();
        assertThat(sent.delivery().state()).isEqualTo(DeliveryState.READ);
    }

    @Test
    void channelIdOfACustomerMessage_isNotRecordedAgainAsOurs() {
        boolean recorded = storage.outbox().recordSent(conversation.id(), Author.STAFF, "?", "wamid.c1", T0);

        assertThat(recorded).isFalse();
        assertThat(storage.conversations().byId(conversation.id()).orElseThrow().messages())
                .hasSize(1);
    }
}

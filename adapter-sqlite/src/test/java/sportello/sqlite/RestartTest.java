package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Mode;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.OutboxEntry;

/** What was committed survives a restart: a new process opening the same file finishes the work. */
class RestartTest {

    @TempDir
    Path dir;

    private StorageOnFile start() {
        return StorageOnFile.open(dir.resolve("sportello.db"));
    }

    @Test
    void storedMessage_isStillPendingAfterARestart() {
        var message = text(giulia(), "wamid.1", "È partito il mio ordine?");
        start().inbox().store(StorageOnFile.raw(), List.of(message), List.of());

        var restarted = start();

        assertThat(restarted.inbox().pending(10))
                .extracting(InboxEntry::message)
                .containsExactly(message);
        assertThat(restarted.inbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void entryClaimedBeforeARestart_isAnInterruptedSendAfterIt() {
        var before = start();
        var conversation = before.conversationWith("c1", giulia());
        var entry = before.outbox().enqueue(conversation.id(), Author.BOT, "Sì", "m-c1", T0);
        before.outbox().claimDue(T0, 10);

        var restarted = start();

        assertThat(restarted.outbox().interruptedSends())
                .extracting(OutboxEntry::id, OutboxEntry::recipient)
                .containsExactly(tuple(entry.id(), giulia()));
        assertThat(restarted.outbox().claimDue(T0, 10)).isEmpty();
    }

    @Test
    void savedConversation_isTheSameAfterARestart() {
        var before = start();
        var conversation = before.conversationWith("c1", giulia()).withMode(Mode.HUMAN);
        before.conversations().save(conversation);

        var restarted = start();

        assertThat(restarted.conversations().byId(conversation.id())).contains(conversation);
    }
}

package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.marco;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;

/** The list reads the copy of the last message kept on the conversation row, so that copy must stay current. */
class ConversationListTest {

    @TempDir
    Path dir;

    private StorageOnFile storage;

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("sportello.db"));
    }

    @Test
    void queuedReply_becomesTheLastMessage_andMovesTheConversationUp() {
        var older = storage.conversationWith("c1", giulia());
        storage.conversationWith("c2", marco());

        storage.outbox().enqueue(older.id(), Author.STAFF, "Spedito oggi!", null, T0.plusSeconds(60));

        assertThat(storage.conversations().summaries(ConversationQuery.page(T0, 10, 0)))
                .extracting(ConversationSummary::lastMessage)
                .containsExactly("Spedito oggi!", "Ciao");
        assertThat(storage.conversations()
                        .summaries(ConversationQuery.page(T0, 1, 0))
                        .getFirst()
                        .lastMessageAt())
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void flaggedConversation_needsAttentionInTheList() {
        var conversation = storage.conversationWith("c1", giulia());

        storage.conversations().save(conversation.flagForStaff("handoff requested", T0.plusSeconds(5)));

        assertThat(storage.conversations().summaries(ConversationQuery.page(T0, 10, 0)))
                .singleElement()
                .satisfies(summary -> assertThat(summary.needsAttention()).isTrue());
    }

    @Test
    void conversationWithoutMessages_isListedLast_withAnEmptyLastMessage() {
        storage.conversations().save(Conversation.start(new ConversationId("empty"), marco()));
        storage.conversationWith("c1", giulia());

        assertThat(storage.conversations().summaries(ConversationQuery.page(T0, 10, 0)))
                .extracting(summary -> summary.id().value(), ConversationSummary::lastMessage)
                .containsExactly(tuple("c1", "Ciao"), tuple("empty", ""));
    }
}

package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.OutboxEntry;

/** Customers write in Italian with emoji; every character and every instant comes back as it went in. */
class TextRoundTripTest {

    private static final String TEXT = "Perché non è arrivata? Già pagato 😊🎂👍🏽 — “grazie” ñ ß 中文";

    @TempDir
    Path dir;

    private StorageOnFile storage;

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("sportello.db"));
    }

    @Test
    void emojiAndAccents_roundTripThroughInboxConversationAndOutbox() {
        var customer = Customer.of("IT.1", "393331234567", "Niccolò Dell’Orto 🌻");
        var message = text(customer, "wamid.1", TEXT + " mi chiamo Niccolò");
        storage.inbox().store(StorageOnFile.raw(), List.of(message), List.of());
        var conversation = Conversation.start(new ConversationId("c1"), customer)
                .receive("m-1", message, ProfileSchema.standard())
                .conversation();

        storage.conversations().save(conversation);
        storage.outbox()
                .enqueue(
                        conversation.id(),
                        Author.BOT,
                        TEXT,
                        "m-1",
                        message.sentAt().plusSeconds(1));

        assertThat(storage.inbox().pending(1).getFirst().message()).isEqualTo(message);
        var stored = storage.conversations().byId(conversation.id()).orElseThrow();
        assertThat(stored.customer()).isEqualTo(customer);
        assertThat(stored.messages().getFirst())
                .isEqualTo(conversation.messages().getFirst());
        assertThat(stored.profile()).isEqualTo(conversation.profile());
        assertThat(storage.outbox().claimDue(message.sentAt().plusSeconds(1), 1))
                .extracting(OutboxEntry::text)
                .containsExactly(TEXT);
        assertThat(storage.conversations()
                        .summaries(ConversationQuery.page(T0, 1, 0))
                        .getFirst()
                        .lastMessage())
                .isEqualTo(TEXT);
    }

    @Test
    void instants_keepTheirNanoseconds() {
        var at = Instant.parse("2026-11-25T09:00:00.123456789Z");
        var message = text(giulia(), "wamid.1", "Ciao", at);

        storage.inbox().store(StorageOnFile.raw(), List.of(message), List.of());

        assertThat(storage.inbox().pending(1).getFirst().message().sentAt()).isEqualTo(at);
    }
}

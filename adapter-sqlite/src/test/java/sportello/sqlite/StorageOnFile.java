package sportello.sqlite;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.RawDelivery;

/** The three storage ports over one database file, wired as the app does; opening again is a restart. */
record StorageOnFile(
        SqliteDatabase database, SqliteConversations conversations, SqliteInbox inbox, SqliteOutbox outbox) {

    static StorageOnFile open(Path file) {
        var database = SqliteDatabase.migrated(file);
        return new StorageOnFile(
                database,
                new SqliteConversations(database, ProfileSchema.standard()),
                new SqliteInbox(database),
                new SqliteOutbox(database));
    }

    static RawDelivery raw() {
        return new RawDelivery(
                "whatsapp",
                "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8),
                TestMessages.T0);
    }

    /** Saves a conversation the customer opened with one message, so replies can be queued in it. */
    Conversation conversationWith(String id, Customer customer) {
        var conversation = Conversation.start(new ConversationId(id), customer)
                .receive("m-" + id, TestMessages.text(customer, "wamid." + id, "Ciao"), ProfileSchema.standard())
                .conversation();
        conversations.save(conversation);
        return conversation;
    }
}

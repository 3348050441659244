package sportello.sqlite;

import static java.util.stream.Collectors.groupingBy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.Conversations;

/** Conversations in SQLite: header, messages (shared with the outbox) and profile, read back as one aggregate. */
public final class SqliteConversations implements Conversations {

    /** One page of the list, served in index order by {@code conversation_last_message_at} (no sort step). */
    static final String SUMMARY_PAGE = "SELECT " + ConversationRow.COLUMNS + " FROM conversation"
            + " ORDER BY last_message_at DESC, rowid DESC LIMIT :limit OFFSET :offset";

    private static final String REPORTS_OF_OUTBOUND = "SELECT " + StatusReportMapper.COLUMNS
            + " FROM message m JOIN status_report r ON r.channel_message_id = m.channel_message_id"
            + " WHERE m.conversation_id = :id AND m.direction = 'OUT'"
            + " UNION SELECT " + StatusReportMapper.COLUMNS
            + " FROM message m JOIN status_report r ON r.correlation = m.id"
            + " WHERE m.conversation_id = :id AND m.direction = 'OUT'"
            + " ORDER BY 1";

    private static final StatusReportMapper REPORTS = new StatusReportMapper();

    private final SqliteDatabase database;
    private final ProfileSchema schema;

    /** {@code schema} decides which profiles the list shows as complete. */
    public SqliteConversations(SqliteDatabase database, ProfileSchema schema) {
        this.database = Objects.requireNonNull(database, "database");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    @Override
    public Optional<Conversation> byId(ConversationId id) {
        return database.inReadTransaction("read conversation " + id, handle -> load(handle, id.value()));
    }

    @Override
    public Optional<Conversation> byCustomer(Customer customer) {
        return database.inReadTransaction(
                "find the conversation of " + customer.key().value(),
                handle -> customer.userIdValue()
                        .flatMap(userId -> idWhere(handle, "user_id", userId))
                        .or(() -> customer.phoneValue().flatMap(phone -> idWhere(handle, "phone", phone)))
                        .flatMap(id -> load(handle, id)));
    }

    @Override
    public void save(Conversation conversation) {
        database.useWriteTransaction("save conversation " + conversation.id(), handle -> {
            String id = conversation.id().value();
            upsertHeader(handle, conversation);
            replaceProfile(handle, conversation);
            if (insertNewInbound(handle, id, conversation.messages())) {
                LastMessage.refresh(handle, id);
            }
        });
    }

    @Override
    public List<ConversationSummary> summaries(int limit, int offset) {
        return database.inReadTransaction("list conversations", handle -> {
            var page = handle.createQuery(SUMMARY_PAGE)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map(ConversationRow::map)
                    .list();
            if (page.isEmpty()) {
                return List.of();
            }
            var profiles = handle
                    .createQuery(
                            "SELECT " + ProfileRow.COLUMNS + " FROM profile_value WHERE conversation_id IN (<ids>)")
                    .bindList("ids", page.stream().map(row -> row.id().value()).toList())
                    .map(ProfileRow::map)
                    .stream()
                    .collect(groupingBy(ProfileRow::conversationId));
            return page.stream()
                    .map(row -> new ConversationSummary(
                            row.id(),
                            row.customer(),
                            row.mode(),
                            row.lastMessageAt(),
                            row.lastMessageText(),
                            ProfileRow.profile(profiles.getOrDefault(row.id().value(), List.of()))
                                    .isComplete(schema),
                            row.attention().isNeeded()))
                    .toList();
        });
    }

    private static Optional<String> idWhere(Handle handle, String column, String value) {
        // column is one of two constants above, never input
        return handle.createQuery("SELECT id FROM conversation WHERE " + column + " = :value ORDER BY rowid LIMIT 1")
                .bind("value", value)
                .mapTo(String.class)
                .findOne();
    }

    private static Optional<Conversation> load(Handle handle, String id) {
        var header = handle.createQuery("SELECT " + ConversationRow.COLUMNS + " FROM conversation WHERE id = :id")
                .bind("id", id)
                .map(ConversationRow::map)
                .findOne();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        var reports = handle.createQuery(REPORTS_OF_OUTBOUND)
                .bind("id", id)
                .map(REPORTS)
                .list();
        List<Message> messages = handle
                .createQuery("SELECT " + StoredMessage.COLUMNS
                        + " FROM message WHERE conversation_id = :id ORDER BY at, seq")
                .bind("id", id)
                .map(StoredMessage::map)
                .stream()
                .map(stored -> stored.toMessage(reports))
                .toList();
        var profile = ProfileRow.profile(
                handle.createQuery("SELECT " + ProfileRow.COLUMNS + " FROM profile_value WHERE conversation_id = :id")
                        .bind("id", id)
                        .map(ProfileRow::map)
                        .list());
        var row = header.get();
        return Optional.of(new Conversation(row.id(), row.customer(), row.mode(), messages, profile, row.attention()));
    }

    private static void upsertHeader(Handle handle, Conversation conversation) {
        var customer = conversation.customer();
        var attention = conversation.attention();
        handle.createUpdate("INSERT INTO conversation (id, customer_key, user_id, phone, display_name, mode,"
                        + " attention_reason, attention_since)"
                        + " VALUES (:id, :key, :userId, :phone, :name, :mode, :reason, :since)"
                        + " ON CONFLICT (id) DO UPDATE SET customer_key = excluded.customer_key,"
                        + " user_id = excluded.user_id, phone = excluded.phone, display_name = excluded.display_name,"
                        + " mode = excluded.mode, attention_reason = excluded.attention_reason,"
                        + " attention_since = excluded.attention_since")
                .bind("id", conversation.id().value())
                .bind("key", customer.key().value())
                .bind("userId", customer.userId())
                .bind("phone", customer.phone())
                .bind("name", customer.displayName())
                .bind("mode", conversation.mode().name())
                .bind("reason", attention.reason())
                .bind("since", Timestamps.text(attention.since()))
                .execute();
    }

    /** The saved profile is the whole profile: fields it no longer has are removed. */
    private static void replaceProfile(Handle handle, Conversation conversation) {
        String id = conversation.id().value();
        handle.createUpdate("DELETE FROM profile_value WHERE conversation_id = :id")
                .bind("id", id)
                .execute();
        var values = conversation.profile().values();
        if (values.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO profile_value (conversation_id, field, value, source,"
                + " recorded_at) VALUES (:id, :field, :value, :source, :recordedAt)");
        values.forEach((field, value) -> bindProfileValue(batch, id, field, value));
        batch.execute();
    }

    private static void bindProfileValue(PreparedBatch batch, String id, String field, ProfileValue value) {
        batch.bind("id", id)
                .bind("field", field)
                .bind("value", value.value())
                .bind("source", value.source())
                .bind("recordedAt", Timestamps.text(value.recordedAt()))
                .add();
    }

    /**
     * Adds the customer's messages not stored yet. Stored rows are never rewritten, and outbound messages
     * enter only through the outbox, which owns their sending state.
     *
     * @return whether any message was added
     */
    private static boolean insertNewInbound(Handle handle, String conversationId, List<Message> messages) {
        var inbound =
                messages.stream().filter(m -> m.direction() == Direction.IN).toList();
        if (inbound.isEmpty()) {
            return false;
        }
        var batch = handle.prepareBatch("INSERT INTO message (id, conversation_id, channel_message_id, direction,"
                + " author, kind, text, at, delivery_state, delivery_failure)"
                + " VALUES (:id, :conversation, :channelId, 'IN', :author, :kind, :text, :at, :delivery, :failure)"
                + " ON CONFLICT (id) DO NOTHING");
        for (Message message : inbound) {
            batch.bind("id", message.id())
                    .bind("conversation", conversationId)
                    .bind("channelId", message.channelMessageId())
                    .bind("author", message.author().name())
                    .bind("kind", message.kind().name())
                    .bind("text", message.text())
                    .bind("at", Timestamps.text(message.at()))
                    .bind("delivery", message.delivery().state().name())
                    .bind("failure", message.delivery().failureReason())
                    .add();
        }
        int added = 0;
        for (int inserted : batch.execute()) {
            added += inserted;
        }
        return added > 0;
    }
}

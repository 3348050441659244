package sportello.postgres;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import sportello.domain.conversation.Attention;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.Mode;
import sportello.domain.customer.Customer;
import sportello.domain.profile.CustomerProfile;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.Conversations;
import sportello.sql.AttachmentColumns;
import sportello.sql.ConversationRow;
import sportello.sql.CustomerTurns;
import sportello.sql.LastMessage;
import sportello.sql.ProfileRow;
import sportello.sql.StatusReportMapper;
import sportello.sql.StoredMessage;
import sportello.sql.SummaryRow;
import sportello.sql.Timeline;
import sportello.sql.Timestamps;

/**
 * Conversations in PostgreSQL: header, messages (shared with the outbox) and profile, read back as one aggregate.
 * Saving also keeps the list's copies on the conversation row current (name, profile completeness, search text,
 * last inbound message, unread count) and logs each new attention flag for the handoff figures.
 */
public final class PostgresConversations implements Conversations {

    private static final String REPORTS_OF_OUTBOUND = "SELECT " + StatusReportMapper.COLUMNS
            + " FROM message m JOIN status_report r ON r.channel_message_id = m.channel_message_id"
            + " WHERE m.conversation_id = :id AND m.direction = 'OUT'"
            + " UNION SELECT " + StatusReportMapper.COLUMNS
            + " FROM message m JOIN status_report r ON r.correlation = m.id"
            + " WHERE m.conversation_id = :id AND m.direction = 'OUT'"
            + " ORDER BY 1";

    private static final StatusReportMapper REPORTS = new StatusReportMapper();

    /**
     * The oldest conversation with this user id (or phone), found on {@code conversation_user_id} (or
     * {@code conversation_phone}), whose entries are in {@code seq} (insertion) order for each value: no sort step.
     */
    static final String BY_USER_ID = "SELECT id FROM conversation WHERE user_id = :value ORDER BY seq LIMIT 1";

    static final String BY_PHONE = "SELECT id FROM conversation WHERE phone = :value ORDER BY seq LIMIT 1";

    private final PostgresDatabase database;
    private final ProfileSchema schema;

    /**
     * {@code schema} decides which profiles the list shows as complete. If its required fields differ from the
     * ones the stored completeness was computed with, every conversation's completeness is recomputed here.
     */
    public PostgresConversations(PostgresDatabase database, ProfileSchema schema) {
        this.database = Objects.requireNonNull(database, "database");
        this.schema = Objects.requireNonNull(schema, "schema");
        database.useWriteTransaction(
                "recompute profile completeness", handle -> ProfileCompleteness.reconcile(handle, schema));
    }

    /** One page of the list, walked in the order of the index {@code conversation_list} (no sort step). */
    static String summaryPage(ConversationFilter filter) {
        return "SELECT " + SummaryRow.COLUMNS + " FROM conversation" + filter.where()
                + " ORDER BY last_message_at DESC NULLS LAST, id DESC LIMIT :limit OFFSET :offset";
    }

    static String countOf(ConversationFilter filter) {
        return "SELECT count(*) FROM conversation" + filter.where();
    }

    @Override
    public Optional<Conversation> byId(ConversationId id) {
        return database.inReadTransaction("read conversation " + id, handle -> load(handle, id.value()));
    }

    @Override
    public Optional<Mode> modeOf(ConversationId id) {
        return database.readOneStatement(
                "read the mode of conversation " + id,
                handle -> handle.createQuery("SELECT mode FROM conversation WHERE id = :id")
                        .bind("id", id.value())
                        .mapTo(String.class)
                        .findOne()
                        .map(Mode::valueOf));
    }

    /** Two index lookups: the unique id, then the partial index on channel ids. */
    @Override
    public Optional<ConversationId> ofMessage(String messageId) {
        return database.readOneStatement(
                "find the conversation of message " + messageId,
                handle -> handle.createQuery("SELECT conversation_id FROM message WHERE id = :id"
                                + " UNION ALL SELECT conversation_id FROM message WHERE channel_message_id = :id"
                                + " LIMIT 1")
                        .bind("id", messageId)
                        .mapTo(String.class)
                        .findFirst()
                        .map(ConversationId::new));
    }

    /**
     * By user id, then by the user id the customer had before (only a notice of the change names it: the
     * conversation is still stored under the old one until it is saved with the new), then by phone. Each is one
     * lookup on its own index, tried only if the one before found nothing.
     */
    @Override
    public Optional<Conversation> byCustomer(Customer customer) {
        return database.inReadTransaction(
                "find the conversation of " + customer.key().value(),
                handle -> customer.userIdValue()
                        .flatMap(userId -> idWhere(handle, BY_USER_ID, userId))
                        .or(() -> customer.previousUserIdValue()
                                .flatMap(previous -> idWhere(handle, BY_USER_ID, previous)))
                        .or(() -> customer.phoneValue().flatMap(phone -> idWhere(handle, BY_PHONE, phone)))
                        .flatMap(id -> load(handle, id)));
    }

    @Override
    public void save(Conversation conversation) {
        database.useWriteTransaction(
                "save conversation " + conversation.id(), PostgresDatabase.Commit.BUFFERED, handle -> {
                    String id = conversation.id().value();
                    // before reading anything: another instance (a staff reply, a send's outcome) may write it right
                    // now
                    PostgresDatabase.lockConversation(handle, id);
                    var previousAttention = attention(handle, id);
                    upsertHeader(handle, conversation);
                    if (conversation.attention().isNeeded()
                            && !conversation.attention().equals(previousAttention)) {
                        logAttention(handle, id, conversation.attention());
                    }
                    replaceProfile(handle, conversation);
                    var added = insertNewInbound(handle, id, conversation.messages());
                    if (!added.isEmpty()) {
                        LastMessage.refresh(handle, id);
                        refreshInbound(handle, id);
                        Timeline.linkFrom(handle, id, added.getFirst().at());
                        added.stream()
                                .filter(message -> message.kind().startsAgentTurn())
                                .forEach(message -> CustomerTurns.asked(handle, id, message.at()));
                    }
                });
    }

    @Override
    public List<ConversationSummary> summaries(ConversationQuery query) {
        var filter = ConversationFilter.of(query);
        return database.readOneStatement(
                "list conversations",
                handle -> handle.createQuery(summaryPage(filter))
                        .bindMap(filter.bindings())
                        .bind("limit", query.limit())
                        .bind("offset", query.offset())
                        .map(SummaryRow::map)
                        .list());
    }

    @Override
    public int count(ConversationQuery query) {
        var filter = ConversationFilter.of(query);
        return database.readOneStatement(
                "count conversations",
                handle -> handle.createQuery(countOf(filter))
                        .bindMap(filter.bindings())
                        .mapTo(Integer.class)
                        .one());
    }

    /** Seen times only move forward: a late, older "seen" does not bring back unread messages. */
    @Override
    public void markSeenByStaff(ConversationId id, Instant at) {
        database.useWriteTransaction(
                "mark conversation " + id + " as seen", PostgresDatabase.Commit.BUFFERED, handle -> {
                    PostgresDatabase.lockConversation(handle, id.value());
                    handle.createUpdate("UPDATE conversation SET staff_seen_at = greatest(staff_seen_at, :at)"
                                    + " WHERE id = :id")
                            .bind("id", id.value())
                            .bind("at", Timestamps.text(at))
                            .execute();
                    refreshInbound(handle, id.value());
                });
    }

    private static Optional<String> idWhere(Handle handle, String query, String value) {
        return handle.createQuery(query)
                .bind("value", value)
                .mapTo(String.class)
                .findOne();
    }

    static Optional<Conversation> load(Handle handle, String id) {
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
        return Optional.of(new Conversation(
                row.id(), row.customer(), row.mode(), messages, profile, row.attention(), row.windowClosedAt()));
    }

    private static Attention attention(Handle handle, String id) {
        return handle.createQuery("SELECT attention_reason, attention_since FROM conversation WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> rs.getString("attention_reason") == null
                        ? Attention.NONE
                        : new Attention(
                                rs.getString("attention_reason"), Timestamps.instant(rs.getString("attention_since"))))
                .findOne()
                .orElse(Attention.NONE);
    }

    private static void logAttention(Handle handle, String id, Attention attention) {
        handle.createUpdate("INSERT INTO attention_event (conversation_id, reason, at) VALUES (:id, :reason, :at)")
                .bind("id", id)
                .bind("reason", attention.reason())
                .bind("at", Timestamps.text(attention.since()))
                .execute();
    }

    /**
     * The header, with the list's copies of the profile (name, completeness and the text a search looks in) and the
     * time the channel closed the service window.
     */
    private void upsertHeader(Handle handle, Conversation conversation) {
        var customer = conversation.customer();
        var attention = conversation.attention();
        var profile = conversation.profile();
        var profileName = profileValue(profile, ProfileSchema.NAME);
        var searchText = ConversationFilter.searchText(Arrays.asList(
                customer.displayName(),
                profileName,
                customer.phone(),
                customer.userId(),
                profileValue(profile, ProfileSchema.EMAIL),
                profileValue(profile, ProfileSchema.PHONE),
                profileValue(profile, ProfileSchema.ORDER_NUMBER)));
        handle.createUpdate("INSERT INTO conversation (id, customer_key, user_id, phone, display_name, mode,"
                        + " attention_reason, attention_since, profile_name, profile_complete, search_text,"
                        + " window_closed_at)"
                        + " VALUES (:id, :key, :userId, :phone, :name, :mode, :reason, :since, :profileName,"
                        + " :complete, :searchText, :windowClosedAt)"
                        + " ON CONFLICT (id) DO UPDATE SET customer_key = excluded.customer_key,"
                        + " user_id = excluded.user_id, phone = excluded.phone, display_name = excluded.display_name,"
                        + " mode = excluded.mode, attention_reason = excluded.attention_reason,"
                        + " attention_since = excluded.attention_since, profile_name = excluded.profile_name,"
                        + " profile_complete = excluded.profile_complete, search_text = excluded.search_text,"
                        + " window_closed_at = excluded.window_closed_at")
                .bind("id", conversation.id().value())
                .bind("key", customer.key().value())
                .bind("userId", customer.userId())
                .bind("phone", customer.phone())
                .bind("name", customer.displayName())
                .bind("mode", conversation.mode().name())
                .bind("reason", attention.reason())
                .bind("since", Timestamps.text(attention.since()))
                .bind("profileName", profileName)
                .bind("complete", profile.isComplete(schema) ? 1 : 0)
                .bind("searchText", searchText)
                .bind("windowClosedAt", Timestamps.text(conversation.windowClosedAt()))
                .execute();
    }

    private static String profileValue(CustomerProfile profile, String field) {
        return profile.value(field).map(ProfileValue::value).orElse(null);
    }

    /** The customer's newest message time and the count of messages staff has not seen, after new ones came. */
    private static void refreshInbound(Handle handle, String id) {
        handle.createUpdate("UPDATE conversation SET"
                        + " last_inbound_at = (SELECT max(at) FROM message"
                        + " WHERE conversation_id = :id AND direction = 'IN'),"
                        + " unread = (SELECT count(*) FROM message WHERE conversation_id = :id AND direction = 'IN'"
                        + " AND at > coalesce(conversation.staff_seen_at, ''))"
                        + " WHERE id = :id")
                .bind("id", id)
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
     * @return the messages added, oldest first
     */
    private static List<Message> insertNewInbound(Handle handle, String conversationId, List<Message> messages) {
        var inbound =
                messages.stream().filter(m -> m.direction() == Direction.IN).toList();
        if (inbound.isEmpty()) {
            return List.of();
        }
        var batch = handle.prepareBatch("INSERT INTO message (id, conversation_id, channel_message_id, direction,"
                + " author, kind, text, at, delivery_state, delivery_failure, media_id, media_mime_type,"
                + " media_file_name)"
                + " VALUES (:id, :conversation, :channelId, 'IN', :author, :kind, :text, :at, :delivery, :failure,"
                + " :mediaId, :mediaMimeType, :mediaFileName)"
                + " ON CONFLICT (id) DO NOTHING");
        for (Message message : inbound) {
            AttachmentColumns.bind(batch, message.attachment())
                    .bind("id", message.id())
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
        int[] inserted = batch.execute();
        var added = new ArrayList<Message>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] > 0) {
                added.add(inbound.get(i));
            }
        }
        return added;
    }
}

package sportello.sqlite;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.out.Outbox;
import sportello.ports.out.OutboxEntry;
import sportello.sql.Backlog;
import sportello.sql.CustomerTurns;
import sportello.sql.LastMessage;
import sportello.sql.OutboxEntryMapper;
import sportello.sql.SendState;
import sportello.sql.TemplateColumns;
import sportello.sql.Timeline;
import sportello.sql.Timestamps;

/**
 * The outbox in SQLite. An entry is the outbound {@code message} row itself, so the conversation shows a reply
 * from the moment it is queued, and its state survives a crash at any point of sending. A template is such a row
 * too, of kind TEMPLATE, with the template itself in its {@code template_*} columns.
 *
 * <p>Queueing a reply and recording a send's outcome are buffered commits (see {@link SqliteDatabase.Commit}):
 * a power loss can undo them only together with everything after them, which puts the entry back where a crash at
 * that moment would have left it, a case the sender already handles. The claim before a send is synced. The
 * sender's writes take the write turn before the worker's, so replies keep going out while a backlog is worked off.
 */
public final class SqliteOutbox implements Outbox {

    /**
     * Due entries, oldest due first. Walks the index {@code message_claimable} in that order and stops at the first
     * claimable one; it is named so that the planner cannot go back to sorting every due entry.
     */
    static final String DUE =
            OutboxEntryMapper.SELECT.replace("FROM message m", "FROM message m INDEXED BY message_claimable")
                    + " WHERE m.send_state IN ('queued', 'in_doubt') AND m.due_at <= :now"
                    + " AND NOT EXISTS (SELECT 1 FROM message s WHERE s.send_state = 'sending'"
                    + " AND s.conversation_id = m.conversation_id)"
                    + " ORDER BY m.due_at, m.seq LIMIT :limit";

    private static final OutboxEntryMapper ENTRIES = new OutboxEntryMapper();

    private final SqliteDatabase database;

    public SqliteOutbox(SqliteDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public OutboxEntry enqueue(ConversationId conversation, Author author, String text, String inReplyTo, Instant at) {
        // the write lock is held from the start, so check-then-insert cannot race with another enqueue
        return database.inWriteTransaction(
                "queue a message for conversation " + conversation, SqliteDatabase.Commit.BUFFERED, handle -> {
                    if (inReplyTo != null) {
                        var existing = handle.createQuery(
                                        OutboxEntryMapper.SELECT + " WHERE m.in_reply_to = :inReplyTo")
                                .bind("inReplyTo", inReplyTo)
                                .map(ENTRIES)
                                .findOne();
                        if (existing.isPresent()) {
                            return existing.get();
                        }
                    }
                    return insert(handle, conversation, author, text, inReplyTo, null, at);
                });
    }

    /** Not idempotent: staff choose to send a template, it answers no particular customer message. */
    @Override
    public OutboxEntry enqueueTemplate(
            ConversationId conversation, Author author, TemplateMessage template, String text, Instant at) {
        Objects.requireNonNull(template, "template");
        return database.inWriteTransaction(
                "queue template " + template.name() + " for conversation " + conversation,
                handle -> insert(handle, conversation, author, text, null, template, at));
    }

    /**
     * An accepted row from the start: claims take only queued and in-doubt rows, and the backlog does not count
     * accepted ones. Its delivery reads as sent, and later status reports about its channel id are folded in as for
     * any message we sent. The write lock is held from the start, so two deliveries of the same echo cannot both
     * insert it.
     */
    @Override
    public boolean recordSent(
            ConversationId conversation, Author author, String text, String channelMessageId, Instant at) {
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        return database.inWriteTransaction(
                "record message " + channelMessageId + " sent outside Sportello in conversation " + conversation,
                handle -> {
                    requireConversation(handle, conversation);
                    if (knownChannelId(handle, channelMessageId)) {
                        return false;
                    }
                    handle.createUpdate("INSERT INTO message (id, conversation_id, channel_message_id, direction,"
                                    + " author, kind, text, at, send_state)"
                                    + " VALUES (:id, :conversation, :channelId, 'OUT', :author, :kind, :text, :at,"
                                    + " :accepted)")
                            .bind("id", UUID.randomUUID().toString())
                            .bind("conversation", conversation.value())
                            .bind("channelId", channelMessageId)
                            .bind("author", author.name())
                            .bind("kind", MessageKind.TEXT.name())
                            .bind("text", text == null ? "" : text)
                            .bind("at", Timestamps.text(at))
                            .bind("accepted", SendState.ACCEPTED.sql)
                            .execute();
                    afterInsert(handle, conversation, author, at);
                    return true;
                });
    }

    /** Any message, in either direction, with this channel id; served by {@code message_channel_message_id}. */
    private static boolean knownChannelId(Handle handle, String channelMessageId) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM message WHERE channel_message_id = :channelId)")
                .bind("channelId", channelMessageId)
                .mapTo(Boolean.class)
                .one();
    }

    /** The outbound message row, queued at once: of kind TEMPLATE with a {@code template}, TEXT without. */
    private static OutboxEntry insert(
            Handle handle,
            ConversationId conversation,
            Author author,
            String text,
            String inReplyTo,
            TemplateMessage template,
            Instant at) {
        requireConversation(handle, conversation);
        String id = UUID.randomUUID().toString();
        TemplateColumns.bind(
                        handle.createUpdate("INSERT INTO message (id, conversation_id, direction, author, kind, text,"
                                + " at, send_state, attempts, due_at, in_reply_to, " + TemplateColumns.INSERT_COLUMNS
                                + ")"
                                + " VALUES (:id, :conversation, 'OUT', :author, :kind, :text, :at, :queued, 0, :at,"
                                + " :inReplyTo, " + TemplateColumns.INSERT_VALUES + ")"),
                        template)
                .bind("id", id)
                .bind("conversation", conversation.value())
                .bind("author", author.name())
                .bind("kind", (template == null ? MessageKind.TEXT : MessageKind.TEMPLATE).name())
                .bind("text", text == null ? "" : text)
                .bind("at", Timestamps.text(at))
                .bind("queued", SendState.QUEUED.sql)
                .bind("inReplyTo", inReplyTo)
                .execute();
        afterInsert(handle, conversation, author, at);
        return entry(handle, id);
    }

    /** An unknown conversation is a bug in the caller, not a storage failure. */
    private static void requireConversation(Handle handle, ConversationId conversation) {
        var exists = handle.createQuery("SELECT count(*) FROM conversation WHERE id = :id")
                .bind("id", conversation.value())
                .mapTo(Integer.class)
                .one();
        if (exists == 0) {
            throw new IllegalArgumentException("no conversation " + conversation);
        }
    }

    /** An outbound message is the conversation's newest message and closes the customer's open turn. */
    private static void afterInsert(Handle handle, ConversationId conversation, Author author, Instant at) {
        LastMessage.refresh(handle, conversation.value());
        Timeline.linkFrom(handle, conversation.value(), at);
        CustomerTurns.answered(handle, conversation.value(), author, at);
    }

    @Override
    public boolean hasReplyTo(String inReplyTo) {
        return database.inReadTransaction(
                "look for a reply to " + inReplyTo,
                handle -> handle.createQuery("SELECT count(*) FROM message WHERE in_reply_to = :inReplyTo")
                                .bind("inReplyTo", inReplyTo)
                                .mapTo(Integer.class)
                                .one()
                        > 0);
    }

    /**
     * Select and mark in one {@code BEGIN IMMEDIATE} transaction: a second claimer waits for the write lock and
     * then sees these rows as 'sending', so no entry is ever claimed twice. Synced, unlike the outbox's other
     * writes: the send follows, and after a power loss a claim that was only buffered would come back as
     * 'queued' and be sent a second time; a synced claim comes back as 'sending' and is checked, not resent. Its
     * fsync also makes every buffered commit before it durable (the enqueue of what it claims among them).
     */
    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit) {
        return database.inWriteTransaction(
                "claim due outgoing messages", SqliteDatabase.Commit.SENDING_SYNCED, handle -> {
                    var due = handle.createQuery(DUE)
                            .bind("now", Timestamps.text(now))
                            .bind("limit", limit)
                            .map(ENTRIES)
                            .list();
                    if (!due.isEmpty()) {
                        handle.createUpdate("UPDATE message SET send_state = :sending WHERE id IN (<ids>)")
                                .bind("sending", SendState.SENDING.sql)
                                .bindList(
                                        "ids", due.stream().map(OutboxEntry::id).toList())
                                .execute();
                    }
                    return due;
                });
    }

    @Override
    public void accepted(String entryId, String channelMessageId) {
        update(
                entryId,
                "record that the channel accepted",
                "send_state = 'accepted', channel_message_id = :channelId",
                u -> u.bind("channelId", channelMessageId));
    }

    @Override
    public void retryAt(String entryId, Instant at, String error) {
        update(
                entryId,
                "schedule a retry of",
                "send_state = 'queued', attempts = attempts + 1, due_at = :at, last_error = :error",
                u -> u.bind("at", Timestamps.text(at)).bind("error", error));
    }

    @Override
    public void inDoubt(String entryId, Instant recheckAt, String error) {
        update(
                entryId,
                "record the uncertain send of",
                "send_state = 'in_doubt', attempts = attempts + 1, due_at = :at, last_error = :error",
                u -> u.bind("at", Timestamps.text(recheckAt)).bind("error", error));
    }

    @Override
    public void failed(String entryId, String reason) {
        update(
                entryId,
                "record the failure of",
                "send_state = 'failed', failure_reason = :reason",
                u -> u.bind("reason", reason));
    }

    @Override
    public List<OutboxEntry> interruptedSends() {
        return database.inReadTransaction(
                "find interrupted sends",
                handle -> handle.createQuery(
                                OutboxEntryMapper.SELECT + " WHERE m.send_state = 'sending' ORDER BY m.due_at, m.seq")
                        .map(ENTRIES)
                        .list());
    }

    @Override
    public Optional<String> channelIdFromStatusReports(String entryId) {
        return database.inReadTransaction(
                "read status reports of " + entryId,
                handle -> handle.createQuery(
                                "SELECT channel_message_id FROM status_report WHERE correlation = :entryId ORDER BY id"
                                        + " LIMIT 1")
                        .bind("entryId", entryId)
                        .mapTo(String.class)
                        .findOne());
    }

    @Override
    public int unsentCount() {
        return database.inReadTransaction("count unsent messages", Backlog::unsent);
    }

    private static OutboxEntry entry(Handle handle, String id) {
        return handle.createQuery(OutboxEntryMapper.SELECT + " WHERE m.id = :id")
                .bind("id", id)
                .map(ENTRIES)
                .one();
    }

    /** Sets columns of one outbound message; an unknown id is a bug in the caller, not a storage failure. */
    private void update(String entryId, String action, String assignments, Consumer<Update> values) {
        int changed = database.inWriteTransaction(
                action + " outbox entry " + entryId, SqliteDatabase.Commit.SENDING_BUFFERED, handle -> {
                    var update = handle.createUpdate(
                                    "UPDATE message SET " + assignments + " WHERE id = :id AND direction = 'OUT'")
                            .bind("id", entryId);
                    values.accept(update);
                    return update.execute();
                });
        if (changed == 0) {
            throw new IllegalArgumentException("no outbox entry " + entryId);
        }
    }
}

package sportello.postgres;

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
 * The outbox in PostgreSQL. An entry is the outbound {@code message} row itself, so the conversation shows a reply
 * from the moment it is queued, and its state survives a crash at any point of sending. A template is such a row
 * too, of kind TEMPLATE, with the template itself in its {@code template_*} columns.
 *
 * <p>Queueing a reply and recording a send's outcome are buffered commits ({@link PostgresDatabase.Commit}), as in the
 * SQLite adapter; the claim before a send is synced, so after a crash of the server's machine a claimed entry comes
 * back as 'sending' and is checked, never as 'queued' and sent again. What the sender does (claims, outcomes, its
 * reads) runs on the sending pool, so replies go out while the lanes keep their own connections busy.
 */
public final class PostgresOutbox implements Outbox {

    /**
     * Takes due entries, oldest due first (served by the index {@code message_send_due}), except those of a
     * conversation another live instance is sending to (found through {@code message_sending}).
     */
    static final String CLAIM = "WITH due AS (SELECT m.seq FROM message m"
            + " WHERE m.send_state IN ('queued', 'in_doubt') AND m.due_at <= :now"
            + " AND NOT EXISTS (SELECT 1 FROM message s WHERE s.conversation_id = m.conversation_id"
            + " AND s.send_state = 'sending' AND s.claimed_by IN " + Presence.ALIVE + ")"
            + " ORDER BY m.due_at, m.seq LIMIT :limit FOR UPDATE OF m SKIP LOCKED)"
            + " UPDATE message SET send_state = 'sending', claimed_by = :me FROM due WHERE message.seq = due.seq"
            + " RETURNING message.id";

    private static final OutboxEntryMapper ENTRIES = new OutboxEntryMapper();

    private final PostgresDatabase database;

    public PostgresOutbox(PostgresDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public OutboxEntry enqueue(ConversationId conversation, Author author, String text, String inReplyTo, Instant at) {
        return database.inWriteTransaction(
                "queue a message for conversation " + conversation, PostgresDatabase.Commit.BUFFERED, handle -> {
                    // taken before the check, so check-then-insert cannot race with an enqueue of another instance
                    PostgresDatabase.lockConversation(handle, conversation.value());
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
     * any message we sent. The lock on the channel id is held from the start, so two deliveries of the same echo, on
     * two instances, cannot both insert it.
     */
    @Override
    public boolean recordSent(
            ConversationId conversation, Author author, String text, String channelMessageId, Instant at) {
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        return database.inWriteTransaction(
                "record message " + channelMessageId + " sent outside Sportello in conversation " + conversation,
                handle -> {
                    PostgresDatabase.lock(handle, Locks.ECHO, channelMessageId);
                    PostgresDatabase.lockConversation(handle, conversation.value());
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
        PostgresDatabase.lockConversation(handle, conversation.value());
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
        return database.readOneStatement(
                "look for a reply to " + inReplyTo,
                handle -> handle.createQuery("SELECT count(*) FROM message WHERE in_reply_to = :inReplyTo")
                                .bind("inReplyTo", inReplyTo)
                                .mapTo(Integer.class)
                                .one()
                        > 0);
    }

    /**
     * Marks the due entries 'sending' under this instance's number, in one statement that locks the rows it takes and
     * skips rows another transaction has locked ({@code FOR UPDATE SKIP LOCKED}): no entry is claimed twice, by this
     * instance or another. A conversation another live instance is sending to right now is left out, so the messages
     * of one conversation go out in order, one instance at a time. For that check to see every claim, claimers take
     * turns on one transaction-scoped lock: a claim is a few milliseconds, the sends happen after it, outside.
     */
    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit) {
        int me = database.liveInstance();
        return database.inWriteTransaction(
                "claim due outgoing messages", PostgresDatabase.Commit.SENDING_SYNCED, handle -> {
                    PostgresDatabase.lock(handle, Locks.OUTBOX_CLAIM, "claim");
                    List<String> ids = handle.createQuery(CLAIM)
                            .bind("now", Timestamps.text(now))
                            .bind("limit", limit)
                            .bind("me", me)
                            .mapTo(String.class)
                            .list();
                    if (ids.isEmpty()) {
                        return List.of();
                    }
                    return handle.createQuery(
                                    OutboxEntryMapper.SELECT + " WHERE m.id = ANY(:ids) ORDER BY m.due_at, m.seq")
                            .bindArray("ids", String.class, ids)
                            .map(ENTRIES)
                            .list();
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

    /**
     * Entries 'sending' that no other live instance is sending: those of instances that stopped mid-send, and this
     * instance's own (it asks on starting, before it sends anything). A live instance's sends in progress are its own.
     */
    @Override
    public List<OutboxEntry> interruptedSends() {
        int me = database.liveInstance();
        return database.readOneStatement(
                "find interrupted sends",
                PostgresDatabase.Pool.SENDING,
                handle -> handle.createQuery(OutboxEntryMapper.SELECT + " WHERE m.send_state = 'sending'"
                                + " AND (m.claimed_by IS NULL OR m.claimed_by = :me OR m.claimed_by NOT IN "
                                + Presence.ALIVE + ") ORDER BY m.due_at, m.seq")
                        .bind("me", me)
                        .map(ENTRIES)
                        .list());
    }

    @Override
    public Optional<String> channelIdFromStatusReports(String entryId) {
        return database.readOneStatement(
                "read status reports of " + entryId,
                PostgresDatabase.Pool.SENDING,
                handle -> handle.createQuery(
                                "SELECT channel_message_id FROM status_report WHERE correlation = :entryId ORDER BY id"
                                        + " LIMIT 1")
                        .bind("entryId", entryId)
                        .mapTo(String.class)
                        .findOne());
    }

    @Override
    public int unsentCount() {
        // a part of /health
        return database.readOneStatement("count unsent messages", PostgresDatabase.Pool.URGENT, Backlog::unsent);
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
                action + " outbox entry " + entryId, PostgresDatabase.Commit.SENDING_BUFFERED, handle -> {
                    // the row leaves 'sending' (or never was): no instance holds it any more
                    var update = handle.createUpdate("UPDATE message SET " + assignments
                                    + ", claimed_by = NULL WHERE id = :id AND direction = 'OUT'")
                            .bind("id", entryId);
                    values.accept(update);
                    return update.execute();
                });
        if (changed == 0) {
            throw new IllegalArgumentException("no outbox entry " + entryId);
        }
    }
}

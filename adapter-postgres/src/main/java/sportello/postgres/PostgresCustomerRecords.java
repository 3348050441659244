package sportello.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.CustomerRecords;
import sportello.sql.Timestamps;

/**
 * The GDPR rights of access and erasure in PostgreSQL.
 *
 * <p>The customer of a conversation is found in the inbox by any of their identifiers (customer key, user id, phone)
 * or by the channel ids of the conversation's messages, so rows from before a change of number are found too.
 *
 * <p>Export reads, in one snapshot, the conversation with its messages and profile, its model usage, and the raw JSON
 * of each of the customer's messages as the channel sent it ({@code inbox_message.raw}). Not the raw webhook bodies:
 * one body may carry other customers' messages.
 *
 * <p>Erase deletes, in one transaction, the conversation and every row about it: messages (also ones not sent yet),
 * status reports about its messages, profile values, customer turns, attention events, model usage, and the
 * customer's inbox rows (also pending ones, which would otherwise bring the conversation back). Raw webhook deliveries
 * that carried the customer's messages or status reports, or whose body contains their phone or user id, are deleted
 * when nothing else refers to them; a delivery that still carries another customer's message keeps its row (the
 * other customer's inbox row needs it) but its body is emptied: the other customer's message keeps its own raw JSON
 * in {@code inbox_message.raw}, so nothing of theirs is lost. What the customer added to the analytics stays as
 * anonymous counts ({@link ErasedCounts}). The audit log is never erased; it names conversations only by id.
 */
public final class PostgresCustomerRecords implements CustomerRecords {

    /** The customer's inbox rows; binds {@code :id, :key, :userId, :phone}. */
    private static final String CUSTOMER_INBOX = "(customer_key IN (:key, :userId, :phone)"
            + " OR customer_user_id = :userId OR customer_phone = :phone"
            + " OR channel_message_id IN (SELECT channel_message_id FROM message"
            + " WHERE conversation_id = :id AND direction = 'IN' AND channel_message_id IS NOT NULL))";

    /** Status reports about the conversation's outbound messages; binds {@code :id}. */
    private static final String CONVERSATION_REPORTS = "((correlation IS NOT NULL AND correlation IN"
            + " (SELECT id FROM message WHERE conversation_id = :id AND direction = 'OUT'))"
            + " OR channel_message_id IN (SELECT channel_message_id FROM message"
            + " WHERE conversation_id = :id AND direction = 'OUT' AND channel_message_id IS NOT NULL))";

    private final PostgresDatabase database;

    public PostgresCustomerRecords(PostgresDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    private record Who(String id, String key, String userId, String phone) {
        Map<String, Object> bindings() {
            var bindings = new LinkedHashMap<String, Object>();
            bindings.put("id", id);
            bindings.put("key", key);
            bindings.put("userId", userId);
            bindings.put("phone", phone);
            return bindings;
        }
    }

    private static Optional<Who> who(Handle handle, ConversationId id) {
        return handle.createQuery("SELECT customer_key, user_id, phone FROM conversation WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> new Who(
                        id.value(), rs.getString("customer_key"), rs.getString("user_id"), rs.getString("phone")))
                .findOne();
    }

    @Override
    public Optional<CustomerExport> export(ConversationId id) {
        return database.inReadTransaction("export the data of conversation " + id, handle -> {
            var conversation = PostgresConversations.load(handle, id.value());
            var who = who(handle, id);
            if (conversation.isEmpty() || who.isEmpty()) {
                return Optional.empty();
            }
            List<String> raw = handle.createQuery(
                            "SELECT raw FROM inbox_message WHERE " + CUSTOMER_INBOX + " ORDER BY id")
                    .bindMap(who.get().bindings())
                    .mapTo(String.class)
                    .list();
            return Optional.of(
                    new CustomerExport(conversation.get(), PostgresUsageLog.of(handle, id.value()), List.copyOf(raw)));
        });
    }

    @Override
    public Map<String, Integer> erase(ConversationId id) {
        return database.inWriteTransaction("erase the data of conversation " + id, handle -> {
            var found = who(handle, id);
            if (found.isEmpty()) {
                return Map.of();
            }
            var who = found.get();
            PostgresDatabase.lockConversation(handle, who.id());
            var bindings = who.bindings();
            Map<String, Object> byId = Map.of("id", who.id());
            ErasedCounts.messages(handle, "m.conversation_id = :id", byId);
            ErasedCounts.customer(handle, who.id());
            ErasedCounts.pricing(handle, CONVERSATION_REPORTS, byId);

            var deliveries = new TreeSet<Long>();
            deliveries.addAll(ids(
                    handle,
                    "SELECT delivery_id FROM status_report WHERE delivery_id IS NOT NULL AND " + CONVERSATION_REPORTS,
                    byId));
            deliveries.addAll(ids(handle, "SELECT delivery_id FROM inbox_message WHERE " + CUSTOMER_INBOX, bindings));
            deliveries.addAll(deliveriesMentioning(handle, who.userId()));
            deliveries.addAll(deliveriesMentioning(handle, who.phone()));

            var removed = new LinkedHashMap<String, Integer>();
            removed.put("status_report", delete(handle, "status_report", CONVERSATION_REPORTS, byId));
            removed.put("inbox_message", delete(handle, "inbox_message", CUSTOMER_INBOX, bindings));
            // its key names the customer (a phone number, say), and no pending message needs it any more
            delete(handle, "customer_lease", "customer_key IN (:key, :userId, :phone)", bindings);
            removed.put("message", delete(handle, "message", "conversation_id = :id", byId));
            removed.put("profile_value", delete(handle, "profile_value", "conversation_id = :id", byId));
            removed.put("customer_turn", delete(handle, "customer_turn", "conversation_id = :id", byId));
            removed.put("attention_event", delete(handle, "attention_event", "conversation_id = :id", byId));
            removed.put("model_usage", delete(handle, "model_usage", "conversation_id = :id", byId));
            removed.put("conversation", delete(handle, "conversation", "id = :id", byId));
            int deleted = 0;
            int emptied = 0;
            for (long delivery : deliveries) {
                if (stillReferenced(handle, delivery)) {
                    emptied += handle.createUpdate("UPDATE webhook_delivery SET body = ''::bytea WHERE id = :delivery")
                            .bind("delivery", delivery)
                            .execute();
                } else {
                    deleted += handle.createUpdate("DELETE FROM webhook_delivery WHERE id = :delivery")
                            .bind("delivery", delivery)
                            .execute();
                }
            }
            removed.put("webhook_delivery", deleted);
            removed.put("webhook_delivery_emptied", emptied);
            return removed;
        });
    }

    @Override
    public void audit(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        database.useWriteTransaction(
                "record " + entry.action() + " in the audit log",
                handle -> handle.createUpdate("INSERT INTO audit_log (at, action, subject, actor)"
                                + " VALUES (:at, :action, :subject, :actor)")
                        .bind("at", Timestamps.text(entry.at()))
                        .bind("action", entry.action())
                        .bind("subject", entry.subject())
                        .bind("actor", entry.actor())
                        .execute());
    }

    /** Oldest first; entries of the same instant in the order they were recorded. */
    @Override
    public List<AuditEntry> auditLog() {
        return database.readOneStatement(
                "read the audit log",
                handle -> handle.createQuery("SELECT at, action, subject, actor FROM audit_log ORDER BY at, id")
                        .map((rs, ctx) -> new AuditEntry(
                                Timestamps.instant(rs.getString("at")),
                                rs.getString("action"),
                                rs.getString("subject"),
                                rs.getString("actor")))
                        .list());
    }

    private static List<Long> ids(Handle handle, String sql, Map<String, Object> bindings) {
        return handle.createQuery(sql).bindMap(bindings).mapTo(Long.class).list();
    }

    /**
     * Deliveries whose raw body contains {@code identifier}: status webhooks name the recipient's phone, and an
     * unreadable delivery is not linked to any row. A scan of the bodies, acceptable for a rare, deliberate act.
     */
    private static List<Long> deliveriesMentioning(Handle handle, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return new ArrayList<>();
        }
        return handle.createQuery("SELECT id FROM webhook_delivery WHERE position(:needle IN body) > 0")
                .bind("needle", identifier.getBytes(StandardCharsets.UTF_8))
                .mapTo(Long.class)
                .list();
    }

    private static boolean stillReferenced(Handle handle, long delivery) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM inbox_message WHERE delivery_id = :delivery)"
                        + " OR EXISTS (SELECT 1 FROM status_report WHERE delivery_id = :delivery)")
                .bind("delivery", delivery)
                .mapTo(Boolean.class)
                .one();
    }

    /** {@code table} and {@code where} are constants of this class, never input. */
    private static int delete(Handle handle, String table, String where, Map<String, Object> bindings) {
        return handle.createUpdate("DELETE FROM " + table + " WHERE " + where)
                .bindMap(bindings)
                .execute();
    }
}

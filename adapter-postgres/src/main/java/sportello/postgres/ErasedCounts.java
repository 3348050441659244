package sportello.postgres;

import java.util.Map;
import org.jdbi.v3.core.Handle;
import sportello.sql.PricingColumns;

/**
 * Keeps what forgotten messages and erased customers contributed to the analytics, as anonymous counts per 15-minute
 * slot (the {@code erased_*} tables of V3, and {@code erased_pricing} of V4). Call it in the same transaction, just
 * before the rows are deleted; {@link PostgresAnalytics} adds the counts to what it reads from the live tables.
 */
final class ErasedCounts {

    private ErasedCounts() {}

    /**
     * The start of the 15-minute slot of a stored time, same text form: {@code 2026-11-25T09:07:33.5Z} becomes
     * {@code 2026-11-25T09:00:00.000000000Z}. NULL stays NULL.
     */
    static String slot(String column) {
        return "(substr(" + column + ", 1, 14) || lpad((substr(" + column + ", 15, 2)::integer / 15 * 15)::text, 2,"
                + " '0') || ':00.000000000Z')";
    }

    /** The part of an attention reason Sportello writes itself: what comes before the first ':'. */
    private static final String REASON_CATEGORY =
            "rtrim(CASE WHEN strpos(reason, ':') > 0 THEN substr(reason, 1, strpos(reason, ':') - 1) ELSE reason END)";

    /**
     * Counts the messages about to be deleted: {@code where} selects them from {@code message m}, with
     * {@code bindings} for its parameters (a list value binds a {@code <name>} list).
     */
    static void messages(Handle handle, String where, Map<String, ?> bindings) {
        execute(
                handle,
                "INSERT INTO erased_activity (slot, prev_slot, n)"
                        + " SELECT slot, prev_slot, count(*) FROM (SELECT " + slot("m.at") + " AS slot, "
                        + slot("m.prev_at") + " AS prev_slot FROM message m WHERE " + where + ") AS slots"
                        + " WHERE prev_slot IS NULL OR prev_slot < slot GROUP BY slot, prev_slot",
                bindings);
        execute(
                handle,
                "INSERT INTO erased_inbound (slot, kind, n) SELECT " + slot("m.at") + ", m.kind, count(*)"
                        + " FROM message m WHERE m.direction = 'IN' AND (" + where + ") GROUP BY 1, 2",
                bindings);
    }

    /**
     * Counts the priced messages whose status reports are about to be deleted: {@code where} selects the reports from
     * {@code status_report} (no alias), with {@code bindings} as in {@link #messages}. A message is counted on its
     * earliest priced report, as {@link PostgresAnalytics} counts it, and only if none of its priced reports stays:
     * otherwise the earliest one that stays is counted from then on.
     */
    static void pricing(Handle handle, String where, Map<String, ?> bindings) {
        execute(
                handle,
                "INSERT INTO erased_pricing (slot, pricing_model, pricing_type, pricing_category, n)"
                        + " WITH gone AS (SELECT id FROM status_report WHERE " + where + ")"
                        + " SELECT " + slot("r.at") + ", r.pricing_model, r.pricing_type, r.pricing_category, count(*)"
                        + " FROM status_report r WHERE r.id IN (SELECT id FROM gone) AND "
                        + PricingColumns.FIRST_PRICED
                        + " AND NOT EXISTS (SELECT 1 FROM status_report k"
                        + " WHERE k.channel_message_id = r.channel_message_id AND k.pricing_type IS NOT NULL"
                        + " AND k.id NOT IN (SELECT id FROM gone))"
                        + " GROUP BY 1, 2, 3, 4",
                bindings);
    }

    /** Counts the customer's turns, attention flags and model calls of a conversation about to be erased. */
    static void customer(Handle handle, String conversationId) {
        var bindings = Map.of("id", conversationId);
        execute(
                handle,
                "INSERT INTO erased_turn (asked_slot, answered_by, response_nanos) SELECT " + slot("asked_at")
                        + ", answered_by, response_nanos FROM customer_turn"
                        + " WHERE conversation_id = :id AND response_nanos IS NOT NULL",
                bindings);
        execute(
                handle,
                "INSERT INTO erased_handoff (slot, reason, n) SELECT " + slot("at") + ", " + REASON_CATEGORY
                        + ", count(*) FROM attention_event WHERE conversation_id = :id GROUP BY 1, 2",
                bindings);
        execute(
                handle,
                "INSERT INTO erased_usage (slot, input_tokens, cached_tokens, output_tokens, cost_usd) SELECT "
                        + slot("at") + ", input_tokens, cached_tokens, output_tokens, cost_usd FROM model_usage"
                        + " WHERE conversation_id = :id",
                bindings);
    }

    private static void execute(Handle handle, String sql, Map<String, ?> bindings) {
        var update = handle.createUpdate(sql);
        bindings.forEach((name, value) -> {
            if (value instanceof java.util.Collection<?> list) {
                update.bindList(name, list);
            } else {
                update.bind(name, value);
            }
        });
        update.execute();
    }
}

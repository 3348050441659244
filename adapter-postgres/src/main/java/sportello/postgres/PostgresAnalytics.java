package sportello.postgres;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.summingLong;
import static java.util.stream.Collectors.toList;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.Pricing;
import sportello.ports.out.Analytics;
import sportello.ports.out.AnalyticsReport;
import sportello.ports.out.AnalyticsReport.DayCount;
import sportello.ports.out.AnalyticsReport.DayUsage;
import sportello.ports.out.AnalyticsReport.ReasonCount;
import sportello.sql.PricingColumns;
import sportello.sql.ResponseTimeFigures;

/**
 * Analytics computed in PostgreSQL from the messages, the customers' turns, the attention log, the model usage and the
 * channel's pricing of our messages.
 * Each figure reads a range of one index, so its cost follows the activity in the range, not the size of the file.
 * Every figure but the completion rate also adds the anonymous counts kept for forgotten messages and erased
 * customers ({@link ErasedCounts}), so retention and erasure do not change the figures of past days. The completion
 * rate is the share of the conversations still stored: an erased customer has no profile left to be complete.
 */
public final class PostgresAnalytics implements Analytics {

    /**
     * Conversations with at least one message, per day: a conversation's first message of a day is the one whose
     * predecessor ({@code prev_at}) is before the day's start. A count per day, not a GROUP BY: nothing to sort.
     */
    static final String ACTIVE_PER_DAY = Days.CTE
            + "SELECT day.day, (SELECT count(*) FROM message m WHERE m.at >= day.start_at AND m.at < day.end_at"
            + " AND (m.prev_at IS NULL OR m.prev_at < day.start_at))"
            + " + (SELECT coalesce(sum(e.n), 0) FROM erased_activity e WHERE e.slot >= day.start_at"
            + " AND e.slot < day.end_at AND (e.prev_slot IS NULL OR e.prev_slot < day.start_at)) AS n"
            + " FROM day ORDER BY day.day";

    /**
     * Conversations active in the range, read from the list index: those whose last message falls in the range,
     * plus those active since, if they also wrote in the range (for "the last n days" there are none of those).
     */
    static final String COMPLETION = "SELECT count(*) AS active, coalesce(sum(profile_complete), 0) AS complete"
            + " FROM conversation c WHERE c.last_message_at >= :start AND (c.last_message_at < :end"
            + " OR EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.at >= :start AND m.at < :end))";

    /** One range count per kind on {@code message_inbound_kind (kind, at)}: no sorting of the range's messages. */
    static final String KINDS = "SELECT k.value AS kind, (SELECT count(*) FROM message m WHERE m.direction = 'IN'"
            + " AND m.kind = k.value COLLATE \"C\" AND m.at >= :start AND m.at < :end)"
            + " + (SELECT coalesce(sum(e.n), 0) FROM erased_inbound e WHERE e.kind = k.value AND e.slot >= :start"
            + " AND e.slot < :end) AS n FROM unnest(:kinds::text[]) AS k(value)";

    static final String HANDOFFS = "SELECT reason, sum(n) AS n FROM (SELECT reason, 1 AS n FROM attention_event"
            + " WHERE at >= :start AND at < :end UNION ALL SELECT reason, n FROM erased_handoff"
            + " WHERE slot >= :start AND slot < :end) AS handoff GROUP BY reason ORDER BY n DESC, reason";

    /**
     * Per day, sums over the day's range of the covering index {@code model_usage_at} (subqueries, not a GROUP BY
     * that would sort the range). Costs are concatenated and added in Java as BigDecimal, as in the SQLite adapter, so
     * they keep their scale.
     */
    static final String USAGE_PER_DAY = Days.CTE
            + "SELECT day.day, "
            + usageOfTheDay("input_tokens") + " AS input, "
            + usageOfTheDay("cached_tokens") + " AS cached, "
            + usageOfTheDay("output_tokens") + " AS output,"
            + " concat_ws(' ',"
            + " (SELECT string_agg(cost_usd, ' ') FROM model_usage WHERE at >= day.start_at AND at < day.end_at),"
            + " (SELECT string_agg(cost_usd, ' ') FROM erased_usage WHERE slot >= day.start_at"
            + " AND slot < day.end_at)) AS costs"
            + " FROM day ORDER BY day.day";

    /** The day's sum of a token column over the calls still stored and those of erased customers. */
    private static String usageOfTheDay(String column) {
        return "((SELECT coalesce(sum(" + column + "), 0) FROM model_usage WHERE at >= day.start_at"
                + " AND at < day.end_at) + (SELECT coalesce(sum(" + column + "), 0) FROM erased_usage"
                + " WHERE slot >= day.start_at AND slot < day.end_at))";
    }

    /** Customers' turns asked in the range and answered (at any time since), with who answered and how fast. */
    static final String ANSWERS = "SELECT answered_by, response_nanos FROM customer_turn"
            + " WHERE asked_at >= :start AND asked_at < :end AND response_nanos IS NOT NULL"
            + " UNION ALL SELECT answered_by, response_nanos FROM erased_turn"
            + " WHERE asked_slot >= :start AND asked_slot < :end";

    /**
     * Priced messages of the range by pricing, charged or not: each message once, on its earliest priced report
     * ({@link PricingColumns#FIRST_PRICED}), read from the range of {@code status_report_priced}. Whether a pricing is
     * charged is the domain's rule ({@link Pricing#charged()}), applied to these few groups in Java.
     */
    static final String PRICED = "SELECT pricing_model, pricing_type, pricing_category, sum(n) AS n FROM ("
            + "SELECT r.pricing_model, r.pricing_type, r.pricing_category, 1 AS n FROM status_report r"
            + " WHERE r.at >= :start AND r.at < :end AND " + PricingColumns.FIRST_PRICED
            + " UNION ALL SELECT pricing_model, pricing_type, pricing_category, n FROM erased_pricing"
            + " WHERE slot >= :start AND slot < :end) AS priced GROUP BY 1, 2, 3";

    /** Every kind as an array literal, for {@link #KINDS}; enum names need no quoting. */
    static final String KIND_NAMES =
            Arrays.stream(MessageKind.values()).map(Enum::name).collect(joining(",", "{", "}"));

    private final PostgresDatabase database;

    public PostgresAnalytics(PostgresDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public AnalyticsReport report(LocalDate from, LocalDate to, ZoneId zone) {
        var days = Days.of(from, to, zone);
        return database.inReadTransaction("compute analytics from " + from + " to " + to, handle -> {
            var answers = answers(handle, days);
            return new AnalyticsReport(
                    from,
                    to,
                    activePerDay(handle, days),
                    completionRate(handle, days),
                    ResponseTimeFigures.of(answers.getOrDefault(Author.BOT, List.of())),
                    ResponseTimeFigures.of(answers.getOrDefault(Author.STAFF, List.of())),
                    handoffs(handle, days),
                    messagesByKind(handle, days),
                    usagePerDay(handle, days));
        });
    }

    /**
     * Messages of ours the channel charged for, per pricing category (e.g. marketing, utility), most first, for days
     * {@code from} to {@code to} in {@code zone}. A message counts on the day of its earliest priced status report;
     * categories without a charged message are left out. Not in {@link AnalyticsReport} yet: the port has no place
     * for it.
     */
    Map<String, Long> chargedMessagesPerCategory(LocalDate from, LocalDate to, ZoneId zone) {
        var days = Days.of(from, to, zone);
        return database.inReadTransaction(
                "count charged messages from " + from + " to " + to, handle -> chargedPerCategory(handle, days));
    }

    private record Priced(Pricing pricing, long messages) {}

    private static Map<String, Long> chargedPerCategory(Handle handle, Days days) {
        var counts = handle
                .createQuery(PRICED)
                .bind("start", days.start())
                .bind("end", days.end())
                .map((rs, ctx) -> new Priced(
                        new Pricing(
                                rs.getString("pricing_model"),
                                rs.getString("pricing_type"),
                                rs.getString("pricing_category")),
                        rs.getLong("n")))
                .stream()
                .filter(priced -> priced.pricing().charged())
                .collect(groupingBy(priced -> priced.pricing().category(), summingLong(Priced::messages)));
        return mostFirst(counts.entrySet().stream().toList());
    }

    private static List<DayCount> activePerDay(Handle handle, Days days) {
        return handle.createQuery(ACTIVE_PER_DAY)
                .bind("bounds", days.boundsArray())
                .map((rs, ctx) -> new DayCount(days.dates().get(rs.getInt("day")), rs.getLong("n")))
                .list();
    }

    private static double completionRate(Handle handle, Days days) {
        return handle.createQuery(COMPLETION)
                .bind("start", days.start())
                .bind("end", days.end())
                .map((rs, ctx) -> {
                    long active = rs.getLong("active");
                    return active == 0 ? 0.0 : rs.getDouble("complete") / active;
                })
                .one();
    }

    private record Answer(Author author, Duration after) {}

    private static Map<Author, List<Duration>> answers(Handle handle, Days days) {
        return handle
                .createQuery(ANSWERS)
                .bind("start", days.start())
                .bind("end", days.end())
                .map((rs, ctx) -> new Answer(
                        Author.valueOf(rs.getString("answered_by")), Duration.ofNanos(rs.getLong("response_nanos"))))
                .stream()
                .collect(groupingBy(Answer::author, mapping(Answer::after, toList())));
    }

    private static List<ReasonCount> handoffs(Handle handle, Days days) {
        return handle.createQuery(HANDOFFS)
                .bind("start", days.start())
                .bind("end", days.end())
                .map((rs, ctx) -> new ReasonCount(rs.getString("reason"), rs.getLong("n")))
                .list();
    }

    /** Most frequent first; kinds nobody sent are left out. */
    private static Map<String, Long> messagesByKind(Handle handle, Days days) {
        var counts = handle.createQuery(KINDS)
                .bind("start", days.start())
                .bind("end", days.end())
                .bind("kinds", KIND_NAMES)
                .map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getLong("n")))
                .list();
        return mostFirst(counts);
    }

    /** The counts above zero, largest first, ties by name. */
    private static Map<String, Long> mostFirst(List<Map.Entry<String, Long>> counts) {
        var result = new LinkedHashMap<String, Long>();
        counts.stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private static List<DayUsage> usagePerDay(Handle handle, Days days) {
        return handle.createQuery(USAGE_PER_DAY)
                .bind("bounds", days.boundsArray())
                .map((rs, ctx) -> new DayUsage(
                        days.dates().get(rs.getInt("day")),
                        rs.getLong("input"),
                        rs.getLong("cached"),
                        rs.getLong("output"),
                        sum(rs.getString("costs"))))
                .list();
    }

    private static BigDecimal sum(String costs) {
        var total = BigDecimal.ZERO;
        if (costs == null || costs.isEmpty()) { // concat_ws of two NULLs is ''
            return total;
        }
        for (String cost : costs.split(" ")) {
            total = total.add(new BigDecimal(cost));
        }
        return total;
    }
}

package sportello.ports.out;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the analytics page and {@code GET /api/analytics} show. Response times are measured from a customer's
 * first message after our last answer (or the conversation's start) to the next answer, split by who answered.
 */
public record AnalyticsReport(
        LocalDate from,
        LocalDate to,
        List<DayCount> conversationsPerDay,
        double profileCompletionRate,
        ResponseTimes bot,
        ResponseTimes staff,
        List<ReasonCount> handoffs,
        Map<String, Long> messagesByKind,
        List<DayUsage> usagePerDay) {

    /** Conversations active on a day (at least one message). */
    public record DayCount(LocalDate date, long count) {}

    /** Average and 90th percentile in seconds; null when there was nothing to measure. */
    public record ResponseTimes(Double averageSeconds, Double p90Seconds, long samples) {}

    public record ReasonCount(String reason, long count) {}

    public record DayUsage(
            LocalDate date, long inputTokens, long cachedTokens, long outputTokens, BigDecimal costUsd) {}
}

package sportello.web.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sportello.ports.out.AnalyticsReport;

/**
 * The JSON shape of {@code GET /api/analytics}; the field names are product interface, keep them. The overall
 * first-response average is over the bot's and the staff's answers together. The overall 90th percentile is exact
 * when only one of them answered; with both, it is the larger of the two, an upper bound of the true value.
 */
record AnalyticsJson(
        String from,
        String to,
        List<DayCount> conversationsPerDay,
        double profileCompletionRate,
        Double avgFirstResponseSeconds,
        Double p90FirstResponseSeconds,
        Times bot,
        Times staff,
        List<ReasonCount> handoffs,
        Map<String, Long> messagesByKind,
        List<DayUsage> usagePerDay) {

    record DayCount(String date, long count) {}

    record Times(Double averageSeconds, Double p90Seconds, long samples) {
        static Times of(AnalyticsReport.ResponseTimes t) {
            return new Times(t.averageSeconds(), t.p90Seconds(), t.samples());
        }
    }

    record ReasonCount(String reason, long count) {}

    record DayUsage(String date, long inputTokens, long cachedTokens, long outputTokens, BigDecimal costUsd) {}

    static AnalyticsJson of(AnalyticsReport r) {
        return new AnalyticsJson(
                r.from().toString(),
                r.to().toString(),
                r.conversationsPerDay().stream()
                        .map(d -> new DayCount(d.date().toString(), d.count()))
                        .toList(),
                r.profileCompletionRate(),
                overallAverage(r.bot(), r.staff()),
                overallP90(r.bot(), r.staff()),
                Times.of(r.bot()),
                Times.of(r.staff()),
                r.handoffs().stream()
                        .map(h -> new ReasonCount(h.reason(), h.count()))
                        .toList(),
                new LinkedHashMap<>(r.messagesByKind()),
                r.usagePerDay().stream()
                        .map(u -> new DayUsage(
                                u.date().toString(), u.inputTokens(), u.cachedTokens(), u.outputTokens(), u.costUsd()))
                        .toList());
    }

    static Double overallAverage(AnalyticsReport.ResponseTimes a, AnalyticsReport.ResponseTimes b) {
        long samples = counted(a) + counted(b);
        if (samples == 0) {
            return null;
        }
        double sum = counted(a) * value(a.averageSeconds()) + counted(b) * value(b.averageSeconds());
        return sum / samples;
    }

    static Double overallP90(AnalyticsReport.ResponseTimes a, AnalyticsReport.ResponseTimes b) {
        boolean hasA = counted(a) > 0 && a.p90Seconds() != null;
        boolean hasB = counted(b) > 0 && b.p90Seconds() != null;
        if (hasA && hasB) {
            return Math.max(a.p90Seconds(), b.p90Seconds());
        }
        return hasA ? a.p90Seconds() : hasB ? b.p90Seconds() : null;
    }

    private static long counted(AnalyticsReport.ResponseTimes t) {
        return t.averageSeconds() == null ? 0 : t.samples();
    }

    private static double value(Double d) {
        return d == null ? 0 : d;
    }
}

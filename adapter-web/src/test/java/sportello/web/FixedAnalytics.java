package sportello.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import sportello.ports.in.QueryAnalytics;
import sportello.ports.out.AnalyticsReport;

/** Analytics that always report the same figures, over whatever range was asked for. */
public final class FixedAnalytics implements QueryAnalytics {

    private final AnalyticsReport template;
    private volatile LocalDate lastFrom;
    private volatile LocalDate lastTo;

    public FixedAnalytics(AnalyticsReport template) {
        this.template = template;
    }

    /** Three days of activity: the bot answered 4 times (10 s average), staff twice (60 s average). */
    public static FixedAnalytics sample() {
        var kinds = new LinkedHashMap<String, Long>();
        kinds.put("TEXT", 40L);
        kinds.put("IMAGE", 3L);
        kinds.put("AUDIO", 2L);
        return new FixedAnalytics(new AnalyticsReport(
                LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-25"),
                List.of(
                        new AnalyticsReport.DayCount(LocalDate.parse("2026-11-23"), 5),
                        new AnalyticsReport.DayCount(LocalDate.parse("2026-11-24"), 8),
                        new AnalyticsReport.DayCount(LocalDate.parse("2026-11-25"), 3)),
                0.5,
                new AnalyticsReport.ResponseTimes(10.0, 20.0, 4),
                new AnalyticsReport.ResponseTimes(60.0, 90.0, 2),
                List.of(
                        new AnalyticsReport.ReasonCount("Handoff requested: refund", 2),
                        new AnalyticsReport.ReasonCount("=HYPERLINK(\"http://evil\")", 1)),
                kinds,
                List.of(
                        new AnalyticsReport.DayUsage(
                                LocalDate.parse("2026-11-24"), 1200, 400, 300, new BigDecimal("0.0123")),
                        new AnalyticsReport.DayUsage(
                                LocalDate.parse("2026-11-25"), 800, 0, 200, new BigDecimal("0.0080")))));
    }

    @Override
    public AnalyticsReport lastDays(int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366, got " + days);
        }
        return between(template.to().minusDays(days - 1L), template.to());
    }

    @Override
    public AnalyticsReport between(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the range starts (" + from + ") after it ends (" + to + ")");
        }
        lastFrom = from;
        lastTo = to;
        return new AnalyticsReport(
                from,
                to,
                template.conversationsPerDay(),
                template.profileCompletionRate(),
                template.bot(),
                template.staff(),
                template.handoffs(),
                template.messagesByKind(),
                template.usagePerDay());
    }

    public LocalDate lastFrom() {
        return lastFrom;
    }

    public LocalDate lastTo() {
        return lastTo;
    }
}

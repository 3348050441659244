package sportello.web.dashboard;

import java.util.Locale;
import sportello.ports.out.AnalyticsReport;

/**
 * The analytics report as one long table, {@code metric,date,key,value}, which a spreadsheet can pivot. Text that
 * a customer or the agent could have influenced (handoff reasons) is quoted, and never starts like a formula.
 */
final class AnalyticsCsv {

    private AnalyticsCsv() {}

    static String of(AnalyticsReport r) {
        var csv = new StringBuilder("metric,date,key,value\r\n");
        r.conversationsPerDay().forEach(d -> row(csv, "conversations", d.date().toString(), "", d.count()));
        row(csv, "profile_completion_rate", "", "", r.profileCompletionRate());
        times(csv, "bot", r.bot());
        times(csv, "staff", r.staff());
        r.handoffs().forEach(h -> row(csv, "handoffs", "", h.reason(), h.count()));
        r.messagesByKind().forEach((kind, count) -> row(csv, "messages", "", kind.toLowerCase(Locale.ROOT), count));
        for (var u : r.usagePerDay()) {
            String date = u.date().toString();
            row(csv, "input_tokens", date, "", u.inputTokens());
            row(csv, "cached_tokens", date, "", u.cachedTokens());
            row(csv, "output_tokens", date, "", u.outputTokens());
            row(csv, "cost_usd", date, "", u.costUsd().toPlainString());
        }
        return csv.toString();
    }

    private static void times(StringBuilder csv, String who, AnalyticsReport.ResponseTimes times) {
        row(csv, "first_response_avg_seconds", "", who, times.averageSeconds() == null ? "" : times.averageSeconds());
        row(csv, "first_response_p90_seconds", "", who, times.p90Seconds() == null ? "" : times.p90Seconds());
        row(csv, "first_response_samples", "", who, times.samples());
    }

    private static void row(StringBuilder csv, String metric, String date, String key, Object value) {
        csv.append(metric)
                .append(',')
                .append(date)
                .append(',')
                .append(text(key))
                .append(',')
                .append(value)
                .append("\r\n");
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}

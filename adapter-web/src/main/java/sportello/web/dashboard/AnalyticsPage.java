package sportello.web.dashboard;

import java.util.List;

/** {@code GET /dashboard/analytics}: the date range, headline figures, charts, and each chart's data as a table. */
public record AnalyticsPage(
        Layout layout, String from, String to, String csvUrl, String error, List<Stat> stats, List<Chart> charts) {

    public record Stat(String label, String value, String detail) {}

    /**
     * One chart: {@code config} is the chart.js configuration as JSON, read by the page's script from a data
     * attribute (no inline script); the table shows the same numbers as text.
     */
    public record Chart(
            String id, String title, String config, boolean empty, List<String> columns, List<List<String>> rows) {}
}

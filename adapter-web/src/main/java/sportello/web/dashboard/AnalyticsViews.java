package sportello.web.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sportello.ports.out.AnalyticsReport;

/** Turns an analytics report into headline figures and chart.js configurations, in the page's language. */
final class AnalyticsViews {

    /** Counts have no fractions: no 0.5 ticks on their axis. */
    private static final Map<String, Object> WHOLE_TICKS = Map.of("ticks", Map.of("precision", 0));

    private static final Map<String, Object> WHOLE_Y = Map.of("scales", Map.of("y", WHOLE_TICKS));

    private final Texts t;
    private final Formats formats;
    private final ObjectMapper json;
    private final DateTimeFormatter day;
    private final DecimalFormat money;
    private final DecimalFormat whole;
    private final DecimalFormat oneDecimal;

    AnalyticsViews(Texts t, Formats formats, ObjectMapper json) {
        this.t = t;
        this.formats = formats;
        this.json = json;
        Locale locale = t.language().locale();
        this.day = DateTimeFormatter.ofPattern("d MMM", locale);
        var symbols = DecimalFormatSymbols.getInstance(locale);
        this.money = new DecimalFormat("#,##0.00##", symbols);
        this.whole = new DecimalFormat("#,##0", symbols);
        this.oneDecimal = new DecimalFormat("#,##0.#", symbols);
    }

    List<AnalyticsPage.Stat> stats(AnalyticsReport r) {
        long handoffs = r.handoffs().stream()
                .mapToLong(AnalyticsReport.ReasonCount::count)
                .sum();
        long messages =
                r.messagesByKind().values().stream().mapToLong(Long::longValue).sum();
        BigDecimal cost = r.usagePerDay().stream()
                .map(AnalyticsReport.DayUsage::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long tokens = r.usagePerDay().stream()
                .mapToLong(u -> u.inputTokens() + u.outputTokens())
                .sum();
        return List.of(
                new AnalyticsPage.Stat(
                        t.get("analytics.completion"),
                        oneDecimal.format(r.profileCompletionRate() * 100) + " %",
                        t.get("analytics.completionDetail")),
                responseStat(t.get("analytics.firstResponseBot"), r.bot()),
                responseStat(t.get("analytics.firstResponseStaff"), r.staff()),
                new AnalyticsPage.Stat(t.get("analytics.handoffs"), whole.format(handoffs), ""),
                new AnalyticsPage.Stat(t.get("analytics.messages"), whole.format(messages), ""),
                new AnalyticsPage.Stat(
                        t.get("analytics.cost"),
                        "$ " + money.format(cost),
                        t.format("analytics.tokensDetail", whole.format(tokens))));
    }

    private AnalyticsPage.Stat responseStat(String label, AnalyticsReport.ResponseTimes times) {
        if (times.averageSeconds() == null || times.samples() == 0) {
            return new AnalyticsPage.Stat(label, "—", t.get("analytics.noSamples"));
        }
        return new AnalyticsPage.Stat(
                label,
                formats.seconds(times.averageSeconds()),
                t.format("analytics.p90", formats.seconds(times.p90Seconds()), whole.format(times.samples())));
    }

    List<AnalyticsPage.Chart> charts(AnalyticsReport r) {
        return List.of(conversations(r), responseTimes(r), handoffs(r), messagesByKind(r), tokens(r), cost(r));
    }

    private AnalyticsPage.Chart conversations(AnalyticsReport r) {
        var labels =
                r.conversationsPerDay().stream().map(d -> day.format(d.date())).toList();
        var counts = r.conversationsPerDay().stream()
                .map(AnalyticsReport.DayCount::count)
                .toList();
        var rows = new ArrayList<List<String>>();
        r.conversationsPerDay().forEach(d -> rows.add(List.of(d.date().toString(), whole.format(d.count()))));
        return chart(
                "chart-conversations",
                t.get("analytics.chart.conversations"),
                config("bar", labels, List.of(dataset(t.get("analytics.series.conversations"), counts)), WHOLE_Y),
                counts.stream().allMatch(c -> c == 0),
                List.of(t.get("analytics.column.date"), t.get("analytics.series.conversations")),
                rows);
    }

    private AnalyticsPage.Chart responseTimes(AnalyticsReport r) {
        var labels = List.of(t.get("analytics.series.average"), t.get("analytics.series.p90"));
        var bot = dataset(t.get("author.BOT"), seconds(r.bot()));
        var staff = dataset(t.get("author.STAFF"), seconds(r.staff()));
        var rows = List.of(
                List.of(
                        t.get("author.BOT"),
                        formats.seconds(r.bot().averageSeconds()),
                        formats.seconds(r.bot().p90Seconds()),
                        whole.format(r.bot().samples())),
                List.of(
                        t.get("author.STAFF"),
                        formats.seconds(r.staff().averageSeconds()),
                        formats.seconds(r.staff().p90Seconds()),
                        whole.format(r.staff().samples())));
        return chart(
                "chart-response-times",
                t.get("analytics.chart.responseTimes"),
                config("bar", labels, List.of(bot, staff), Map.of()),
                r.bot().samples() + r.staff().samples() == 0,
                List.of(
                        t.get("analytics.column.who"),
                        t.get("analytics.series.average"),
                        t.get("analytics.series.p90"),
                        t.get("analytics.column.samples")),
                rows);
    }

    private List<Double> seconds(AnalyticsReport.ResponseTimes times) {
        var values = new ArrayList<Double>();
        values.add(times.averageSeconds());
        values.add(times.p90Seconds());
        return values;
    }

    private AnalyticsPage.Chart handoffs(AnalyticsReport r) {
        var labels =
                r.handoffs().stream().map(AnalyticsReport.ReasonCount::reason).toList();
        var counts =
                r.handoffs().stream().map(AnalyticsReport.ReasonCount::count).toList();
        var rows = new ArrayList<List<String>>();
        r.handoffs().forEach(h -> rows.add(List.of(h.reason(), whole.format(h.count()))));
        return chart(
                "chart-handoffs",
                t.get("analytics.chart.handoffs"),
                config(
                        "bar",
                        labels,
                        List.of(dataset(t.get("analytics.series.handoffs"), counts)),
                        Map.of("indexAxis", "y")),
                counts.isEmpty(),
                List.of(t.get("analytics.column.reason"), t.get("analytics.series.handoffs")),
                rows);
    }

    private AnalyticsPage.Chart messagesByKind(AnalyticsReport r) {
        var labels = new ArrayList<String>();
        var counts = new ArrayList<Long>();
        var rows = new ArrayList<List<String>>();
        r.messagesByKind().forEach((kind, count) -> {
            String label = t.getOr("kind." + kind.toUpperCase(Locale.ROOT), kind);
            labels.add(label);
            counts.add(count);
            rows.add(List.of(label, whole.format(count)));
        });
        return chart(
                "chart-kinds",
                t.get("analytics.chart.kinds"),
                config("bar", labels, List.of(dataset(t.get("analytics.series.messages"), counts)), WHOLE_Y),
                counts.isEmpty(),
                List.of(t.get("analytics.column.kind"), t.get("analytics.series.messages")),
                rows);
    }

    private AnalyticsPage.Chart tokens(AnalyticsReport r) {
        var labels = r.usagePerDay().stream().map(u -> day.format(u.date())).toList();
        var uncached = r.usagePerDay().stream()
                .map(u -> Math.max(0, u.inputTokens() - u.cachedTokens()))
                .toList();
        var cached = r.usagePerDay().stream()
                .map(AnalyticsReport.DayUsage::cachedTokens)
                .toList();
        var output = r.usagePerDay().stream()
                .map(AnalyticsReport.DayUsage::outputTokens)
                .toList();
        var rows = new ArrayList<List<String>>();
        r.usagePerDay()
                .forEach(u -> rows.add(List.of(
                        u.date().toString(),
                        whole.format(u.inputTokens()),
                        whole.format(u.cachedTokens()),
                        whole.format(u.outputTokens()))));
        Map<String, Object> stacked =
                Map.of("scales", Map.of("x", Map.of("stacked", true), "y", Map.of("stacked", true)));
        return chart(
                "chart-tokens",
                t.get("analytics.chart.tokens"),
                config(
                        "bar",
                        labels,
                        List.of(
                                dataset(t.get("analytics.series.inputUncached"), uncached),
                                dataset(t.get("analytics.series.inputCached"), cached),
                                dataset(t.get("analytics.series.output"), output)),
                        stacked),
                r.usagePerDay().stream().allMatch(u -> u.inputTokens() + u.outputTokens() == 0),
                List.of(
                        t.get("analytics.column.date"),
                        t.get("analytics.series.input"),
                        t.get("analytics.series.inputCached"),
                        t.get("analytics.series.output")),
                rows);
    }

    private AnalyticsPage.Chart cost(AnalyticsReport r) {
        var labels = r.usagePerDay().stream().map(u -> day.format(u.date())).toList();
        var costs =
                r.usagePerDay().stream().map(AnalyticsReport.DayUsage::costUsd).toList();
        var rows = new ArrayList<List<String>>();
        r.usagePerDay().forEach(u -> rows.add(List.of(u.date().toString(), "$ " + money.format(u.costUsd()))));
        return chart(
                "chart-cost",
                t.get("analytics.chart.cost"),
                config("line", labels, List.of(dataset(t.get("analytics.series.cost"), costs)), Map.of()),
                costs.stream().allMatch(c -> c.signum() == 0),
                List.of(t.get("analytics.column.date"), t.get("analytics.series.cost")),
                rows);
    }

    private static Map<String, Object> dataset(String label, List<?> data) {
        var dataset = new LinkedHashMap<String, Object>();
        dataset.put("label", label);
        dataset.put("data", data);
        return dataset;
    }

    private String config(
            String type, List<String> labels, List<Map<String, Object>> datasets, Map<String, ?> options) {
        var config = new LinkedHashMap<String, Object>();
        config.put("type", type);
        config.put("data", Map.of("labels", labels, "datasets", datasets));
        config.put("options", options);
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart configuration not serialisable", e);
        }
    }

    private static AnalyticsPage.Chart chart(
            String id, String title, String config, boolean empty, List<String> columns, List<List<String>> rows) {
        return new AnalyticsPage.Chart(id, title, config, empty, columns, rows);
    }
}

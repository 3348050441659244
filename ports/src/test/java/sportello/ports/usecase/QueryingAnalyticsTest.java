package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sportello.ports.fake.ManualClock;
import sportello.ports.out.Analytics;
import sportello.ports.out.AnalyticsReport;

class QueryingAnalyticsTest {

    private final List<LocalDate[]> asked = new ArrayList<>();
    private final Analytics analytics = (from, to, zone) -> {
        asked.add(new LocalDate[] {from, to});
        return new AnalyticsReport(from, to, List.of(), 0, null, null, List.of(), Map.of(), List.of());
    };
    // 23:30 UTC on the 25th is already the 26th in Rome
    private final QueryingAnalytics querying =
            new QueryingAnalytics(analytics, ManualClock.at("2026-11-25T23:30:00Z"), ZoneId.of("Europe/Rome"));

    @Test
    void lastDays_endToday_inTheBusinessTimeZone() {
        querying.lastDays(7);

        assertThat(asked.getFirst()).containsExactly(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 26));
    }

    @Test
    void silly_ranges_areRefusedWithAClearMessage() {
        assertThatThrownBy(() -> querying.lastDays(0)).hasMessageContaining("between 1 and 366");
        assertThatThrownBy(() -> querying.between(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)))
                .hasMessageContaining("starts");
        assertThatThrownBy(() -> querying.between(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)))
                .hasMessageContaining("at most 366 days");
    }
}

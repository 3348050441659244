package sportello.sqlite;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.ACCOUNT;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Pricing;
import sportello.domain.conversation.StatusReport;

/**
 * Charged messages per category, from the pricing the channel reports with its statuses: each message once, free
 * ones left out, and the same figures after retention and erasure forgot the reports.
 */
class PricingAnalyticsTest {

    private static final Pricing MARKETING = new Pricing("PMP", "regular", "marketing");
    private static final Pricing UTILITY = new Pricing("PMP", "regular", "utility");
    private static final Pricing FREE_SERVICE = new Pricing("PMP", "free_customer_service", "service");
    private static final LocalDate NOV_25 = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;

    private StorageOnFile storage;
    private SqliteAnalytics analytics;

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("sportello.db"));
        analytics = new SqliteAnalytics(storage.database());
    }

    private void report(String channelMessageId, DeliveryState state, Instant at, Pricing pricing) {
        storage.inbox()
                .store(
                        StorageOnFile.raw(),
                        List.of(),
                        List.of(new StatusReport(ACCOUNT, channelMessageId, state, at, null, null, pricing)));
    }

    private Map<String, Long> charged(LocalDate from, LocalDate to) {
        return analytics.chargedMessagesPerCategory(from, to, ZoneOffset.UTC);
    }

    private int statusReports() {
        return storage.database()
                .inReadTransaction(
                        "count status reports",
                        handle -> handle.createQuery("SELECT count(*) FROM status_report")
                                .mapTo(Integer.class)
                                .one());
    }

    @Test
    void messagePricedInSeveralReports_isCountedOnce_andFreeMessagesAreLeftOut() {
        report("wamid.1", DeliveryState.SENT, T0, MARKETING);
        report("wamid.1", DeliveryState.DELIVERED, T0.plusSeconds(5), MARKETING);
        report("wamid.1", DeliveryState.READ, T0.plusSeconds(60), null);
        report("wamid.2", DeliveryState.SENT, T0, UTILITY);
        report("wamid.3", DeliveryState.SENT, T0, MARKETING);
        report("wamid.4", DeliveryState.SENT, T0, FREE_SERVICE);
        report("wamid.5", DeliveryState.SENT, T0.plusSeconds(86_400), UTILITY);

        var figures = charged(NOV_25, NOV_25);

        assertThat(figures).containsExactly(entry("marketing", 2L), entry("utility", 1L));
    }

    @Test
    void messagePricedAcrossMidnight_countsOnTheDayOfItsFirstPricedReport_whateverOrderTheyCameIn() {
        var beforeMidnight = Instant.parse("2026-11-25T23:59:30Z");
        report("wamid.1", DeliveryState.DELIVERED, beforeMidnight.plusSeconds(60), UTILITY);
        report("wamid.1", DeliveryState.SENT, beforeMidnight, UTILITY);

        assertThat(charged(NOV_25, NOV_25)).containsExactly(entry("utility", 1L));
        assertThat(charged(NOV_25.plusDays(1), NOV_25.plusDays(1))).isEmpty();
        assertThat(analytics.chargedMessagesPerCategory(NOV_25, NOV_25, ZoneId.of("Europe/Rome")))
                .isEmpty(); // 00:59:30 in Rome, the 26th
    }

    @Test
    void erasedCustomer_staysInTheChargedMessages() {
        var conversation = storage.conversationWith("c1", giulia());
        storage.outbox().recordSent(conversation.id(), Author.STAFF, "Ecco il suo codice", "wamid.echo", T0);
        report("wamid.echo", DeliveryState.SENT, T0.plusSeconds(1), UTILITY);
        report("wamid.echo", DeliveryState.DELIVERED, T0.plusSeconds(2), UTILITY);

        new SqliteCustomerRecords(storage.database()).erase(conversation.id());

        assertThat(statusReports()).isZero();
        assertThat(charged(NOV_25, NOV_25)).containsExactly(entry("utility", 1L));
    }

    @Test
    void forgottenReports_stayInTheChargedMessages_evenWhenPartOfAMessagesReportsIsKept() {
        var old = Instant.parse("2026-04-26T09:00:00Z");
        var cutoff = Instant.parse("2026-05-25T00:00:00Z");
        var conversation = storage.conversationWith("c1", giulia());
        storage.outbox().recordSent(conversation.id(), Author.STAFF, "Spedito", "wamid.ours", old);
        report("wamid.ours", DeliveryState.SENT, old, UTILITY);
        report("wamid.elsewhere", DeliveryState.SENT, old, MARKETING);
        report("wamid.elsewhere", DeliveryState.DELIVERED, old.plusSeconds(3600), MARKETING);
        report("wamid.straddling", DeliveryState.SENT, cutoff.minusSeconds(60), MARKETING);
        report("wamid.straddling", DeliveryState.DELIVERED, cutoff.plusSeconds(60), MARKETING);
        var from = LocalDate.of(2026, 4, 1);
        var to = LocalDate.of(2026, 11, 30);
        var before = charged(from, to);

        new SqliteRetention(storage.database()).deleteMessagesBefore(cutoff);

        assertThat(before).containsExactly(entry("marketing", 2L), entry("utility", 1L));
        assertThat(statusReports()).isEqualTo(1);
        assertThat(charged(from, to)).isEqualTo(before);
    }
}

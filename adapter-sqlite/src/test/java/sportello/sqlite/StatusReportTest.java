package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.ACCOUNT;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.status;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Pricing;
import sportello.domain.conversation.StatusReport;
import sportello.sql.StatusReportMapper;

/** Status reports are kept one per message and state, without losing what a repeat adds. */
class StatusReportTest {

    private static final Pricing MARKETING = new Pricing("PMP", "regular", "marketing");

    @TempDir
    Path dir;

    private StorageOnFile storage;

    @BeforeEach
    void setUp() {
        storage = StorageOnFile.open(dir.resolve("sportello.db"));
    }

    private static StatusReport priced(String channelMessageId, DeliveryState state, Pricing pricing) {
        return new StatusReport(ACCOUNT, channelMessageId, state, T0, null, "entry-1", pricing);
    }

    private void store(StatusReport report) {
        storage.inbox().store(StorageOnFile.raw(), List.of(), List.of(report));
    }

    private List<StatusReport> stored() {
        return storage.database()
                .inReadTransaction(
                        "read the status reports",
                        handle -> handle.createQuery(
                                        "SELECT " + StatusReportMapper.COLUMNS + " FROM status_report r ORDER BY r.id")
                                .map(new StatusReportMapper())
                                .list());
    }

    @Test
    void repeatedReport_addsTheCorrelationTheFirstCopyLacked() {
        store(status("wamid.out", DeliveryState.SENT, null));

        store(status("wamid.out", DeliveryState.SENT, "entry-1"));

        assertThat(storage.outbox().channelIdFromStatusReports("entry-1")).contains("wamid.out");
    }

    @Test
    void reportWithPricing_readsBackWithIt() {
        var report = priced("wamid.out", DeliveryState.SENT, MARKETING);

        store(report);

        assertThat(stored()).containsExactly(report);
    }

    @Test
    void reportWithoutPricing_readsBackWithout() {
        var report = priced("wamid.out", DeliveryState.READ, null);

        store(report);

        assertThat(stored())
                .singleElement()
                .satisfies(r -> assertThat(r.pricingValue()).isEmpty());
    }

    @Test
    void pricingWithPartsLeftOut_readsBackAsTheChannelSentIt() {
        var report = priced("wamid.out", DeliveryState.SENT, new Pricing(null, "free_customer_service", null));

        store(report);

        assertThat(stored())
                .singleElement()
                .satisfies(r -> assertThat(r.pricing()).isEqualTo(new Pricing("", "free_customer_service", "")));
    }

    @Test
    void repeatedReport_addsThePricingTheFirstCopyLacked_butNeverReplacesIt() {
        store(priced("wamid.1", DeliveryState.SENT, null));
        store(priced("wamid.2", DeliveryState.SENT, MARKETING));

        store(priced("wamid.1", DeliveryState.SENT, MARKETING));
        store(priced("wamid.2", DeliveryState.SENT, new Pricing("PMP", "free_entry_point", "service")));
        store(priced("wamid.2", DeliveryState.SENT, null));

        assertThat(stored()).extracting(StatusReport::pricing).containsExactly(MARKETING, MARKETING);
    }
}

package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.status;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.DeliveryState;

/** Status reports are kept one per message and state, without losing what a repeat adds. */
class StatusReportTest {

    @TempDir
    Path dir;

    @Test
    void repeatedReport_addsTheCorrelationTheFirstCopyLacked() {
        var storage = StorageOnFile.open(dir.resolve("sportello.db"));
        storage.inbox().store(StorageOnFile.raw(), List.of(), List.of(status("wamid.out", DeliveryState.SENT, null)));

        storage.inbox()
                .store(StorageOnFile.raw(), List.of(), List.of(status("wamid.out", DeliveryState.SENT, "entry-1")));

        assertThat(storage.outbox().channelIdFromStatusReports("entry-1")).contains("wamid.out");
    }
}

package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sportello.ports.fake.ManualClock;
import sportello.ports.out.MediaStore;

/** What every {@link MediaStore} must do: keep files whole or not at all, serve them back, forget them on request. */
public abstract class MediaStoreContract {

    /** The test image of the WhatsApp fixtures; the hex SHA-256 below is what `sha256sum` prints for it. */
    private static final byte[] RECEIPT = "SPORTELLO-TEST-IMAGE".getBytes(StandardCharsets.US_ASCII);

    private static final String RECEIPT_SHA256 = "dec35436d94dc7991d7440eb7f908154ba28917487b048d2a01ec9800ef3551c";

    protected final ManualClock clock = ManualClock.at("2026-11-25T09:00:00Z");

    /** A store whose files are timestamped by {@link #clock}. */
    protected abstract MediaStore store();

    @Test
    void savedFile_isServedBackWithItsSizeChecksumAndType() throws IOException {
        var saved = store().save("1203948576102938", "image/jpeg", new ByteArrayInputStream(RECEIPT));

        assertThat(saved.size()).isEqualTo(RECEIPT.length);
        assertThat(saved.sha256()).isEqualTo(RECEIPT_SHA256);
        assertThat(store().find("1203948576102938")).contains(saved);
        try (var in = store().open("1203948576102938")) {
            assertThat(in.readAllBytes()).isEqualTo(RECEIPT);
        }
    }

    @Test
    void fileThatFailsHalfWay_leavesNothingBehind() {
        InputStream breaksOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 10) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store().save("broken", "audio/ogg", breaksOff)).isInstanceOf(IOException.class);

        assertThat(store().find("broken")).isEmpty();
        assertThatThrownBy(() -> store().open("broken")).isInstanceOf(IOException.class);
    }

    @Test
    void savingTheSameIdAgain_replacesTheFile() throws IOException {
        store().save("doc", "application/pdf", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        store().save("doc", "application/pdf", new ByteArrayInputStream(RECEIPT));

        try (var in = store().open("doc")) {
            assertThat(in.readAllBytes()).isEqualTo(RECEIPT);
        }
        assertThat(store().find("doc").orElseThrow().size()).isEqualTo(RECEIPT.length);
    }

    @Test
    void emptyFile_isStoredToo() throws IOException {
        var saved = store().save("empty", "text/plain", new ByteArrayInputStream(new byte[0]));

        assertThat(saved.size()).isZero();
        assertThat(store().find("empty")).isPresent();
    }

    @Test
    void unknownId_isNotFound() {
        assertThat(store().find("never-stored")).isEmpty();
        assertThatThrownBy(() -> store().open("never-stored")).isInstanceOf(IOException.class);
    }

    @Test
    void erasure_removesExactlyTheNamedFiles() throws IOException {
        store().save("a", "image/jpeg", new ByteArrayInputStream(RECEIPT));
        store().save("b", "image/jpeg", new ByteArrayInputStream(RECEIPT));
        store().save("c", "image/jpeg", new ByteArrayInputStream(RECEIPT));

        int erased = store().delete(List.of("a", "b", "not-there"));

        assertThat(erased).isEqualTo(2);
        assertThat(store().find("a")).isEmpty();
        assertThat(store().find("b")).isEmpty();
        assertThat(store().find("c")).isPresent();
        assertThatThrownBy(() -> store().open("a")).isInstanceOf(IOException.class);
    }

    @Test
    void retention_removesFilesStoredBeforeTheCutoffOnly() throws IOException {
        store().save("old", "image/jpeg", new ByteArrayInputStream(RECEIPT));
        clock.advance(Duration.ofDays(200));
        store().save("new", "image/jpeg", new ByteArrayInputStream(RECEIPT));

        int erased = store().deleteStoredBefore(clock.instant().minus(Duration.ofDays(183)));

        assertThat(erased).isEqualTo(1);
        assertThat(store().find("old")).isEmpty();
        assertThat(store().find("new")).isPresent();
    }
}

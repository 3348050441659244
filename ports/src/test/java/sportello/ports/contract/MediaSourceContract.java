package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Attachment;
import sportello.ports.out.MediaSource;
import sportello.ports.out.MediaSource.Fetch;
import sportello.ports.out.StoredMedia;

/** What every {@link MediaSource} must do; subclasses arrange what the channel's file server answers. */
public abstract class MediaSourceContract {

    /** The 20 bytes of the WhatsApp fixtures' test image. */
    protected static final byte[] IMAGE = "SPORTELLO-TEST-IMAGE".getBytes(StandardCharsets.US_ASCII);

    protected static final String IMAGE_ID = "1203948576102938";

    protected abstract MediaSource source();

    /** The channel account the files were sent to. */
    protected abstract String account();

    /** {@link #IMAGE} is available as {@code image/jpeg} under {@link #IMAGE_ID}. */
    protected abstract void arrangeImage();

    /** The file server fails in a way that may pass (e.g. 503) for this id. */
    protected abstract void arrangeOutage(String mediaId);

    /** The channel no longer has this id (expired or never existed). */
    protected abstract void arrangeGone(String mediaId);

    /** The file behind this id is larger than the source accepts. */
    protected abstract void arrangeTooLarge(String mediaId);

    private final AtomicReference<byte[]> received = new AtomicReference<>();

    private MediaSource.Sink sink() {
        return (mime, content) -> {
            byte[] bytes = content.readAllBytes();
            received.set(bytes);
            return new StoredMedia(IMAGE_ID, mime, bytes.length, "sha", Instant.EPOCH);
        };
    }

    @Test
    void availableFile_arrivesWholeWithItsType() {
        arrangeImage();

        var fetch = source().fetch(account(), new Attachment(IMAGE_ID, "image/jpeg", null), sink());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.Fetched.class,
                        f -> assertThat(f.media().mimeType()).startsWith("image/jpeg"));
        assertThat(received.get()).isEqualTo(IMAGE);
    }

    @Test
    void outage_isWorthAnotherTry() {
        arrangeOutage("555");

        var fetch = source().fetch(account(), new Attachment("555", "audio/ogg", null), sink());

        assertThat(fetch).isInstanceOf(Fetch.RetryLater.class);
    }

    @Test
    void goneFile_isUnavailableWithAReason() {
        arrangeGone("404404");

        var fetch = source().fetch(account(), new Attachment("404404", "image/jpeg", null), sink());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.Unavailable.class, u -> assertThat(u.reason()).isNotBlank());
    }

    @Test
    void tooLargeFile_isUnavailable_neverStoredHalf() {
        arrangeTooLarge("777");

        var fetch = source().fetch(account(), new Attachment("777", "video/mp4", null), sink());

        assertThat(fetch).isInstanceOf(Fetch.Unavailable.class);
    }

    @Test
    void storageThatFails_isNotReportedAsFetched() {
        arrangeImage();

        var fetch = source().fetch(account(), new Attachment(IMAGE_ID, "image/jpeg", null), (mime, content) -> {
            throw new IOException("No space left on device");
        });

        assertThat(fetch).isNotInstanceOf(Fetch.Fetched.class);
    }
}

package sportello.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CheckedContentTest {

    @Test
    void wholeFileWithTheStatedChecksum_readsThroughAndIsComplete() throws IOException {
        var content = checked(MediaAnswers.IMAGE, 100, MediaAnswers.IMAGE_SHA256);

        assertThat(content.readAllBytes()).isEqualTo(MediaAnswers.IMAGE);
        assertThat(content.complete()).isTrue();
        assertThat(content.count()).isEqualTo(20);
    }

    @Test
    void byteByByteAndSkippedReads_areHashedToo() throws IOException {
        var content = checked(MediaAnswers.IMAGE, 100, MediaAnswers.IMAGE_SHA256);

        content.read();
        content.skip(10);
        content.readAllBytes();

        assertThat(content.complete()).isTrue();
    }

    @Test
    void otherBytes_failAtTheEnd_andKeepFailing() {
        var content = checked("SPORTELLO-TEST-IMAGF".getBytes(), 100, MediaAnswers.IMAGE_SHA256);

        assertThatThrownBy(content::readAllBytes)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SHA-256");
        assertThatThrownBy(content::read).isInstanceOf(IOException.class);
        assertThat(content.problem()).isEqualTo(CheckedContent.Problem.CORRUPT);
        assertThat(content.complete()).isFalse();
    }

    @Test
    void bytesBeyondTheLimit_failBeforeTheEnd() {
        var content = checked(MediaAnswers.IMAGE, 19, null);

        assertThatThrownBy(content::readAllBytes).isInstanceOf(IOException.class);
        assertThat(content.problem()).isEqualTo(CheckedContent.Problem.TOO_LARGE);
    }

    @Test
    void noStatedChecksum_checksOnlyTheSize() throws IOException {
        var content = checked(MediaAnswers.IMAGE, 20, null);

        content.readAllBytes();

        assertThat(content.complete()).isTrue();
    }

    private static CheckedContent checked(byte[] bytes, long limit, String sha256) {
        return new CheckedContent(new ByteArrayInputStream(bytes), limit, sha256);
    }
}

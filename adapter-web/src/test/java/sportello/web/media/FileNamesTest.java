package sportello.web.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void customersName_isKept_asFarAsItIsHarmless() {
        assertThat(FileNames.safe("Fattura 12 (copia).pdf", "1", "application/pdf"))
                .isEqualTo("Fattura 12 (copia).pdf");
        assertThat(FileNames.safe("Ricevuta perché.pdf", "1", "application/pdf"))
                .isEqualTo("Ricevuta perché.pdf");
        assertThat(FileNames.safe("../../etc/passwd", "1", "text/plain")).isEqualTo("passwd");
        assertThat(FileNames.safe("C:\\Users\\x\\a\"b;c.txt", "1", "text/plain"))
                .isEqualTo("a_b_c.txt");
        assertThat(FileNames.safe(".bashrc", "1", "text/plain")).isEqualTo("bashrc");
        assertThat(FileNames.safe("line\r\nbreak.txt", "1", "text/plain")).isEqualTo("line__break.txt");
    }

    @Test
    void invisibleCharacters_cannotHideTheRealExtension() {
        assertThat(FileNames.safe("fattura\u202Efdp.exe", "1", "application/pdf"))
                .isEqualTo("fattura_fdp.exe");
    }

    @Test
    void withoutAUsableName_theMediaIdAndTheTypesExtensionStandIn() {
        assertThat(FileNames.safe(null, "1203948576102938", "image/jpeg")).isEqualTo("1203948576102938.jpg");
        assertThat(FileNames.safe("///", "voice", "audio/ogg; codecs=opus")).isEqualTo("voice.ogg");
        assertThat(FileNames.safe("", "x", "application/x-unknown")).isEqualTo("x.bin");
    }

    @Test
    void longNames_areCut_keepingTheExtension() {
        String name = FileNames.safe("a".repeat(300) + ".pdf", "1", "application/pdf");

        assertThat(name).hasSize(100).endsWith("a.pdf");
    }

    @Test
    void onlyRasterImagesAudioAndVideo_areShownInPlace() {
        assertThat(MediaDisplay.of("image/JPEG")).isEqualTo(MediaDisplay.IMAGE);
        assertThat(MediaDisplay.of("audio/ogg; codecs=opus")).isEqualTo(MediaDisplay.AUDIO);
        assertThat(MediaDisplay.of("video/mp4")).isEqualTo(MediaDisplay.VIDEO);
        assertThat(MediaDisplay.of("image/svg+xml").inline()).isFalse();
        assertThat(MediaDisplay.of("text/html").inline()).isFalse();
        assertThat(MediaDisplay.of(null)).isEqualTo(MediaDisplay.DOWNLOAD);
    }
}

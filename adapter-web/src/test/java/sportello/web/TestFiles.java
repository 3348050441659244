package sportello.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Small but real files, so a browser can decode what the dashboard shows. */
public final class TestFiles {

    /** A 4×3 red PNG. */
    public static final byte[] PNG = png();

    /** A tenth of a second of silence as 8 kHz, 8-bit mono WAV. */
    public static final byte[] WAV = wav();

    /** Not a valid PDF, but the type says so: the dashboard offers it as a download. */
    public static final byte[] PDF = "%PDF-1.4\n% test invoice\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private TestFiles() {}

    private static byte[] png() {
        var image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 4, 3);
        graphics.dispose();
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] wav() {
        int rate = 8000;
        int samples = rate / 10;
        var wav = ByteBuffer.allocate(44 + samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples);
        wav.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        wav.putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate)
                .putShort((short) 1)
                .putShort((short) 8);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples);
        for (int i = 0; i < samples; i++) {
            wav.put((byte) 0x80); // 8-bit samples are unsigned: 128 is silence
        }
        return wav.array();
    }
}

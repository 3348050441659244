package sportello.openai.wire;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body written straight from a stream, so a file is never held whole in memory. One-shot: the stream can
 * be read only once, so OkHttp must not send it again on its own. The stream is not closed here; its owner does that.
 */
final class StreamedBody extends RequestBody {

    /** Reading the source failed, not the network: the file, not OpenAI, is the problem. */
    static final class SourceFailed extends IOException {
        SourceFailed(IOException cause) {
            super("could not read the file being sent: " + cause.getMessage(), cause);
        }
    }

    private final MediaType type;
    private final InputStream source;

    StreamedBody(MediaType type, InputStream source) {
        this.type = type;
        this.source = source;
    }

    @Override
    public MediaType contentType() {
        return type;
    }

    /** Unknown until the stream ends: the request goes chunked. */
    @Override
    public long contentLength() {
        return -1;
    }

    @Override
    public boolean isOneShot() {
        return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            int read;
            try {
                read = source.read(buffer);
            } catch (IOException e) {
                throw new SourceFailed(e);
            }
            if (read < 0) {
                return;
            }
            sink.write(buffer, 0, read);
        }
    }
}

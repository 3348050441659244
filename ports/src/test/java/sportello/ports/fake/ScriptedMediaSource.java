package sportello.ports.fake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import sportello.domain.conversation.Attachment;
import sportello.ports.out.MediaSource;

/**
 * A channel's file server in memory: files are published by media id; failures can be scripted in front of them.
 * A file larger than {@code limit} is refused, like a real channel's size limit.
 */
public final class ScriptedMediaSource implements MediaSource {

    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> mimeTypes = new HashMap<>();
    private final Deque<Fetch> scripted = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final long limit;

    public ScriptedMediaSource() {
        this(100L * 1024 * 1024);
    }

    public ScriptedMediaSource(long limit) {
        this.limit = limit;
    }

    public synchronized ScriptedMediaSource publish(String mediaId, String mimeType, byte[] bytes) {
        files.put(mediaId, bytes);
        mimeTypes.put(mediaId, mimeType);
        return this;
    }

    /** The next fetches fail like this, in order, before published files are served again. */
    public synchronized ScriptedMediaSource thenFail(Fetch failure) {
        scripted.add(failure);
        return this;
    }

    public synchronized ScriptedMediaSource outage(int times) {
        for (int i = 0; i < times; i++) {
            scripted.add(new Fetch.RetryLater("file server answered 503", Duration.ofSeconds(1)));
        }
        return this;
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public synchronized Fetch fetch(String channelAccount, Attachment attachment, Sink sink) {
        requests.incrementAndGet();
        if (!scripted.isEmpty()) {
            return scripted.poll();
        }
        byte[] bytes = files.get(attachment.mediaId());
        if (bytes == null) {
            return new Fetch.Unavailable("the channel no longer has this file", false);
        }
        if (bytes.length > limit) {
            return new Fetch.Unavailable("the file is larger than " + limit + " bytes", false);
        }
        try {
            return new Fetch.Fetched(sink.write(mimeTypes.get(attachment.mediaId()), new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            return new Fetch.RetryLater("could not store the file: " + e.getMessage(), Duration.ofSeconds(5));
        }
    }
}

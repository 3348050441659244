package sportello.web.live;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.ConversationEvents;

/**
 * Tells every open dashboard that a conversation changed, over server-sent events. Whoever reports a change (the
 * use cases, on their own threads) only puts a small event in each watcher's bounded queue and returns: it never
 * waits for a browser. A watcher too slow to keep up misses events, and is told to refresh everything once it
 * catches up.
 */
public final class LiveUpdates implements ConversationEvents {

    /** Named event {@code conversation}, data: the conversation id. */
    public static final String CONVERSATION = "conversation";

    /** Named event {@code statuses}: delivery statuses arrived, refresh what is shown. */
    public static final String STATUSES = "statuses";

    static final int DEFAULT_QUEUE = 64;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final int queueSize;
    private final Duration keepAlive;

    public LiveUpdates() {
        this(DEFAULT_QUEUE, KEEP_ALIVE);
    }

    LiveUpdates(int queueSize, Duration keepAlive) {
        this.queueSize = queueSize;
        this.keepAlive = keepAlive;
    }

    /** Where the events of one watcher go, e.g. an SSE connection. Sending may block; returns false once gone. */
    public interface Sink {
        boolean send(String event, String data);

        /** A comment line that keeps proxies and the browser from closing an idle connection. */
        boolean ping();
    }

    private record Event(String name, String data) {}

    private static final Event STOP = new Event("", "");

    private final class Watcher {
        final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(queueSize);
        final AtomicBoolean missed = new AtomicBoolean();

        void offer(Event event) {
            if (!queue.offer(event)) {
                missed.set(true);
            }
        }
    }

    @Override
    public void changed(ConversationId conversation) {
        broadcast(new Event(CONVERSATION, conversation.value()));
    }

    @Override
    public void statusesArrived() {
        broadcast(new Event(STATUSES, "*"));
    }

    private void broadcast(Event event) {
        for (Watcher watcher : watchers) {
            watcher.offer(event);
        }
    }

    /** How many dashboards are watching now. */
    public int watchers() {
        return watchers.size();
    }

    /**
     * Streams events to one watcher on the calling thread until the sink reports it gone or {@link
     * #disconnectAll()} is called.
     */
    public void stream(Sink sink) {
        var watcher = new Watcher();
        watchers.add(watcher);
        try {
            boolean open = sink.ping(); // sends the headers now, so the browser knows it is connected
            while (open) {
                Event event = watcher.queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (event == STOP) {
                    return;
                }
                if (event == null) {
                    open = sink.ping();
                } else {
                    open = sink.send(event.name(), event.data());
                }
                if (open && watcher.queue.isEmpty() && watcher.missed.getAndSet(false)) {
                    open = sink.send(STATUSES, "*"); // events were dropped: have the page refresh everything
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchers.remove(watcher);
        }
    }

    /** Ends every stream, e.g. when the server stops. */
    public void disconnectAll() {
        for (Watcher watcher : watchers) {
            while (!watcher.queue.offer(STOP)) {
                watcher.queue.clear();
            }
        }
    }
}

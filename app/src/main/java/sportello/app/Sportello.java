package sportello.app;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.usecase.BackgroundLoop;
import sportello.ports.usecase.ConversationLanes;
import sportello.ports.usecase.DeliveringReplies;

/**
 * The running service: the web server and the background loops (the inbox loop first), started and stopped in the
 * right order.
 */
public final class Sportello implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sportello.class);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(25);

    private final Javalin web;
    private final List<BackgroundLoop> loops;
    private final ConversationLanes lanes;
    private final DeliveringReplies replies;
    private final AutoCloseable resources;
    private boolean stopped;

    Sportello(
            Javalin web,
            List<BackgroundLoop> loops,
            ConversationLanes lanes,
            DeliveringReplies replies,
            AutoCloseable resources) {
        this.web = web;
        this.loops = List.copyOf(loops);
        this.lanes = lanes;
        this.replies = replies;
        this.resources = resources;
    }

    /** Recovers what a previous run left half-done, then starts listening and working. */
    public Sportello start(String host, int port) {
        replies.recoverInterruptedSends();
        web.start(host, port);
        loops.forEach(BackgroundLoop::start);
        return this;
    }

    public int port() {
        return web.port();
    }

    /** Stops taking webhooks, lets running conversations finish, then stops sending. Nothing pending is lost. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("Stopping: no new webhooks, finishing the work in progress");
        web.stop();
        loops.getFirst().close(); // the inbox loop: no new conversation work
        try {
            if (!lanes.drain(DRAIN_TIMEOUT)) {
                log.warn("Some conversations were still being processed; they resume at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loops.subList(1, loops.size()).forEach(BackgroundLoop::close);
        lanes.close();
        try {
            resources.close();
        } catch (Exception e) {
            log.warn("Closing resources failed: {}", e.getMessage());
        }
        log.info("Stopped");
    }
}

package sportello.app;

import io.javalin.Javalin;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.usecase.BackgroundLoop;
import sportello.ports.usecase.ConversationLanes;
import sportello.ports.usecase.DeliveringReplies;

/** The running service: the web server and the two background loops, started and stopped in the right order. */
public final class Sportello implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sportello.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(25);

    private final Javalin web;
    private final BackgroundLoop inboxLoop;
    private final BackgroundLoop outboxLoop;
    private final ConversationLanes lanes;
    private final DeliveringReplies replies;
    private final AutoCloseable resources;
    private boolean stopped;

    Sportello(
            Javalin web,
            BackgroundLoop inboxLoop,
            BackgroundLoop outboxLoop,
            ConversationLanes lanes,
            DeliveringReplies replies,
            AutoCloseable resources) {
        this.web = web;
        this.inboxLoop = inboxLoop;
        this.outboxLoop = outboxLoop;
        this.lanes = lanes;
        this.replies = replies;
        this.resources = resources;
    }

    /** Recovers what a previous run left half-done, then starts listening and working. */
    public Sportello start(String host, int port) {
        replies.recoverInterruptedSends();
        web.start(host, port);
        inboxLoop.start();
        outboxLoop.start();
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
        inboxLoop.close();
        try {
            if (!lanes.drain(DRAIN_TIMEOUT)) {
                log.warn("Some conversations were still being processed; they resume at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outboxLoop.close();
        lanes.close();
        try {
            resources.close();
        } catch (Exception e) {
            log.warn("Closing resources failed: {}", e.getMessage());
        }
        log.info("Stopped");
    }
}

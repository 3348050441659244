package sportello.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.ConversationId;

class LiveUpdatesTest {

    /** A browser that takes events only when the test lets it; records what it got. */
    private static final class Browser implements LiveUpdates.Sink {
        final CountDownLatch connected = new CountDownLatch(1);
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch unblocked = new CountDownLatch(1);
        final CountDownLatch expected;
        final List<String> received = new ArrayList<>();
        volatile boolean gone;

        Browser() {
            this(0);
        }

        Browser(int expectedEvents) {
            this.expected = new CountDownLatch(expectedEvents);
        }

        @Override
        public boolean send(String event, String data) {
            sending.countDown();
            try {
                unblocked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            synchronized (received) {
                received.add(event + ":" + data);
            }
            expected.countDown();
            return !gone;
        }

        @Override
        public boolean ping() {
            connected.countDown();
            return !gone;
        }

        List<String> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }
    }

    private static Thread watch(LiveUpdates live, Browser browser) throws InterruptedException {
        var thread = Thread.ofVirtual().start(() -> live.stream(browser));
        assertThat(browser.connected.await(10, TimeUnit.SECONDS)).isTrue();
        return thread;
    }

    @Test
    void aStuckBrowser_neverBlocksTheWorkThatReportsChanges() throws Exception {
        var live = new LiveUpdates();
        var stuck = new Browser();
        var thread = watch(live, stuck);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 10_000; i++) {
                live.changed(new ConversationId("c" + i));
                live.statusesArrived();
            }
        });

        assertThat(live.watchers()).isEqualTo(1);
        stuck.unblocked.countDown();
        live.disconnectAll();
        thread.join(Duration.ofSeconds(10));
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void aBrowserThatFellBehind_isToldToRefreshEverythingOnceItCatchesUp() throws Exception {
        var live = new LiveUpdates(2, Duration.ofSeconds(30));
        var slow = new Browser(4);
        var thread = watch(live, slow);

        live.changed(new ConversationId("first"));
        assertThat(slow.sending.await(10, TimeUnit.SECONDS)).isTrue(); // taken; the browser hangs on it
        for (int i = 0; i < 10; i++) {
            live.changed(new ConversationId("c" + i)); // two fit in the queue, the rest are dropped
        }
        slow.unblocked.countDown();
        assertThat(slow.expected.await(10, TimeUnit.SECONDS)).isTrue();
        live.disconnectAll();
        thread.join(Duration.ofSeconds(10));

        assertThat(slow.received())
                .containsExactly("conversation:first", "conversation:c0", "conversation:c1", "statuses:*");
    }

    @Test
    void aBrowserThatLeft_isForgotten() throws Exception {
        var live = new LiveUpdates();
        var leaving = new Browser();
        leaving.unblocked.countDown();
        var thread = watch(live, leaving);
        leaving.gone = true;

        live.changed(new ConversationId("c1"));
        thread.join(Duration.ofSeconds(10));

        assertThat(thread.isAlive()).isFalse();
        assertThat(live.watchers()).isZero();
    }

    @Test
    void disconnectAll_endsEveryStream() throws Exception {
        var live = new LiveUpdates();
        var one = new Browser();
        var two = new Browser();
        one.unblocked.countDown();
        two.unblocked.countDown();
        var first = watch(live, one);
        var second = watch(live, two);

        live.disconnectAll();
        first.join(Duration.ofSeconds(10));
        second.join(Duration.ofSeconds(10));

        assertThat(first.isAlive() || second.isAlive()).isFalse();
        assertThat(live.watchers()).isZero();
    }
}

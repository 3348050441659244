package sportello.faults;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meta's side of the webhook: every delivery is posted until Sportello answers 200, redelivering anything else
 * (an error status, a reset, a refused connection) with a growing pause, like Meta does for up to 7 days; here the
 * pauses are short (at most 2 s) so that a run stays short. Also posts the status reports Meta sends about the
 * messages it took from Sportello.
 *
 * <p>With several instances ({@link #balance}) the posts go through a load balancer: each to an instance picked at
 * random, and when that one refuses the connection or gives no answer, straight on to the next one (as a proxy's
 * "next upstream" does), so a delivery an instance may have stored before it died can reach another at once.
 */
final class Meta implements AutoCloseable {

    private static final long MAX_PAUSE_MILLIS = 2000;

    private final DelayQueue<Delivery> queue = new DelayQueue<>();
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private final AtomicLong posts = new AtomicLong();
    private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> firstAnswers = new ConcurrentHashMap<>();
    private final AtomicLong passedOn = new AtomicLong();
    private final Thread[] workers;
    private volatile List<SportelloApi> targets = List.of();
    private volatile boolean closed;

    /** {@code concurrency} deliveries in flight at most, as Meta's senders would have. */
    Meta(int concurrency) {
        workers = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            workers[i] = Thread.ofVirtual().name("meta-" + i).start(this::work);
        }
    }

    /** Where deliveries go from now on (the same Sportello restarted gets a new port). */
    void target(SportelloApi api) {
        balance(List.of(api));
    }

    /** Instances behind a load balancer: each post goes to one at random, and on to the next if it does not answer. */
    void balance(List<SportelloApi> instances) {
        this.targets = List.copyOf(instances);
    }

    /** Delivers {@code body} until it is acknowledged; {@code key} names it in {@link #firstAnswer}. */
    void deliver(String key, byte[] body) {
        unacknowledged.incrementAndGet();
        queue.add(new Delivery(key, body, 0, System.nanoTime()));
    }

    /** Status reports "sent" and "delivered" about a text Meta took, as Meta posts them. */
    void reportStatuses(FakeGraph.Send send) {
        for (String state : new String[] {"sent", "delivered"}) {
            deliver(
                    "status:" + state + ":" + send.wamid(),
                    SignedWebhooks.status(send.to(), send.wamid(), state, send.callbackData()));
        }
    }

    /** Deliveries not acknowledged yet. */
    int unacknowledged() {
        return unacknowledged.get();
    }

    /** The HTTP status of the first try of a delivery (-1: no answer), or null before it was tried. */
    Integer firstAnswer(String key) {
        return firstAnswers.get(key);
    }

    long posts() {
        return posts.get();
    }

    /** Posts the load balancer passed on to another instance because the first gave no answer. */
    long passedOn() {
        return passedOn.get();
    }

    /** Answers by status code (-1: no HTTP answer), e.g. {@code {-1=37, 200=912, 500=4}}. */
    Map<Integer, Long> answers() {
        var copy = new TreeMap<Integer, Long>();
        answers.forEach((code, count) -> copy.put(code, count.get()));
        return copy;
    }

    private void work() {
        while (!closed) {
            Delivery delivery;
            try {
                delivery = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            int status = post(delivery.body());
            if (delivery.attempt() == 0) {
                firstAnswers.put(delivery.key(), status);
            }
            if (status == 200) {
                unacknowledged.decrementAndGet();
            } else {
                queue.add(delivery.again());
            }
        }
    }

    private int post(byte[] body) {
        var instances = targets;
        if (instances.isEmpty()) {
            return SportelloApi.NO_ANSWER;
        }
        int first = ThreadLocalRandom.current().nextInt(instances.size());
        int status = SportelloApi.NO_ANSWER;
        for (int i = 0; i < instances.size() && status == SportelloApi.NO_ANSWER; i++) {
            if (i > 0) {
                passedOn.incrementAndGet();
            }
            status = instances.get((first + i) % instances.size()).postWebhook(body);
            posts.incrementAndGet();
            answers.computeIfAbsent(status, c -> new AtomicLong()).incrementAndGet();
        }
        return status;
    }

    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            worker.interrupt();
        }
    }

    private record Delivery(String key, byte[] body, int attempt, long dueNanos) implements Delayed {

        Delivery again() {
            long pause = Math.min(MAX_PAUSE_MILLIS, 250L << Math.min(attempt, 10));
            long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
            return new Delivery(key, body, attempt + 1, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(jittered));
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Delivery) other).dueNanos);
        }
    }
}

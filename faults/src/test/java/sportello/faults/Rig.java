package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One suite's world: the fake Graph and OpenAI, Meta delivering webhooks (and the status reports of every text it
 * took), and the real jar as a child process on a fresh data directory.
 */
final class Rig implements AutoCloseable {

    final Path work;
    final Path dataDir;
    final FakeGraph graph = new FakeGraph();
    final FakeOpenAi openAi = new FakeOpenAi();
    final Meta meta = new Meta(8);
    private final int group;
    private final String run = Long.toString(System.nanoTime() & 0xffffff, 36);
    private final AtomicInteger customers = new AtomicInteger();
    private final AtomicInteger starts = new AtomicInteger();
    private volatile SportelloProcess child;

    private Rig(String name, int group, Path dataDir) {
        this.work = WorkDirs.fresh(name);
        this.dataDir = dataDir != null ? dataDir : work.resolve("data");
        this.group = group;
        graph.onAccepted(meta::reportStatuses);
    }

    /** A rig whose child is started and serving; {@code group} keeps its customers' numbers apart. */
    static Rig started(String name, int group) {
        var rig = new Rig(name, group, null);
        try {
            rig.start();
        } catch (AssertionError | RuntimeException e) {
            rig.close(); // the caller gets no rig to close
            throw e;
        }
        return rig;
    }

    /** A rig with no child yet whose data directory is {@code dataDir} (e.g. on a small tmpfs). */
    static Rig unstarted(String name, int group, Path dataDir) {
        return new Rig(name, group, dataDir);
    }

    /** Starts a child on the data directory (also after a stop) and waits until it serves. */
    SportelloProcess start() {
        var started = launch();
        started.awaitServingOrKill(Duration.ofSeconds(90));
        return started;
    }

    /** Starts a child without waiting: it may refuse to start. */
    SportelloProcess launch() {
        child = SportelloProcess.start(work, "sportello-" + starts.incrementAndGet() + ".log", settings());
        meta.target(child.api());
        return child;
    }

    Map<String, String> settings() {
        return ChildSettings.of(dataDir, graph, openAi);
    }

    SportelloProcess child() {
        return child;
    }

    SportelloApi api() {
        return child.api();
    }

    /** A customer no other test of this suite writes as. */
    Customer newCustomer() {
        return Customer.number(run, group, customers.incrementAndGet());
    }

    /** The customer writes; Meta delivers until Sportello acknowledges. */
    void writes(Customer customer) {
        meta.deliver("message:" + customer.phone(), SignedWebhooks.text(customer));
    }

    Ledger.Outcome outcome(Customer customer) {
        return Ledger.read(List.of(customer), api(), graph).of(customer);
    }

    /**
     * Waits until {@code customer} has exactly one text, the agent's answer to their message, and staff see it with
     * {@code status} (e.g. "delivered" once Meta's status reports arrived); the message itself stored once.
     */
    void awaitAgentsAnswerSeenByStaffAs(Customer customer, String status, Duration deadline) {
        Eventually.until(deadline, customer.phone() + " has the agent's answer, staff see it " + status, () -> {
            var outcome = outcome(customer);
            return outcome.texts().size() == 1
                    && outcome.botMessages().size() == 1
                    && outcome.botMessages().getFirst().path("status").asText().equals(status);
        });
        var outcome = outcome(customer);
        assertThat(outcome.storedOnce()).as("message stored once").isTrue();
        assertThat(outcome.texts())
                .singleElement()
                .satisfies(text -> assertThat(text.text()).isEqualTo(FakeOpenAi.replyFor(customer.token())));
    }

    /** The send state of the bot's reply to {@code customer} in the database, or null before it is queued. */
    OutboxRows.Row replyRow(Customer customer) {
        var outcome = outcome(customer);
        if (outcome.botMessages().isEmpty()) {
            return null;
        }
        return OutboxRows.read(dataDir.resolve("sportello.db"))
                .get(outcome.botMessages().getFirst().path("id").asText());
    }

    @Override
    public void close() {
        meta.close();
        if (child != null) {
            child.close();
        }
        graph.close();
        openAi.close();
    }
}

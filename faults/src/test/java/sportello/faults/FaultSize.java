package sportello.faults;

/**
 * How big a run is. The defaults are the CI size (a few minutes on 2 cores); system properties make it larger,
 * e.g. {@code ./mvnw -pl faults verify -Dfaults.restarts=50 -Dfaults.rate=30}.
 */
final class FaultSize {

    private FaultSize() {}

    /** Kill -9 loop: how many times the child is killed and restarted. */
    static int restarts() {
        return Integer.getInteger("faults.restarts", 5);
    }

    /**
     * Kill -9 loop with two instances on PostgreSQL: how many times an instance is killed and restarted (in 1 of 5
     * rounds both at once). The load ({@link #rate}, {@link #customers}) and the kill moments ({@link
     * #maxLifeMillis}) are the single-instance loop's.
     */
    static int pgRestarts() {
        return Integer.getInteger("faults.pgRestarts", 6);
    }

    /** Kill -9 loop: new customers writing per second while the loop runs. */
    static int rate() {
        return Integer.getInteger("faults.rate", 5);
    }

    /**
     * Kill -9 loop: how many customers write in all (each once). When they have all written before the last kill,
     * the later kills hit Meta's redeliveries and the backlog being worked off.
     */
    static int customers() {
        return Integer.getInteger("faults.customers", 150);
    }

    /** Kill -9 loop: the longest a child lives before it is killed, in milliseconds (the shortest is 0). */
    static int maxLifeMillis() {
        return Integer.getInteger("faults.maxLifeMillis", 4000);
    }

    /** Seed of the kill moments, printed with each run so that a failing run can be replayed. */
    static long seed() {
        return Long.getLong("faults.seed", System.nanoTime());
    }

    /**
     * Also wait out Sportello's in-doubt recheck (5 minutes), after which every customer must have exactly one reply:
     * off in CI, where in-doubt messages are counted and reported instead.
     */
    static boolean awaitInDoubt() {
        return Boolean.getBoolean("faults.awaitInDoubt");
    }
}

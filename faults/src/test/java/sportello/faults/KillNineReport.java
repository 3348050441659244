package sportello.faults;

import java.util.List;
import java.util.Map;

/**
 * The kill -9 loops' counts, for their summary line: who wrote, what was stored and sent, what waits in doubt.
 * {@code title} names the suite ("KILL-9"), {@code kills} says what was killed (e.g. "restarts 5 (1 while
 * starting)").
 */
record KillNineReport(
        String title,
        long seed,
        String kills,
        Ledger ledger,
        int inDoubt,
        long inDoubtMetaHasIt,
        long inDoubtNeverReachedGraph,
        Map<String, Integer> unansweredBecause,
        String webhooks,
        String calls,
        long loadSeconds,
        long drainSeconds) {

    static KillNineReport of(
            String title,
            long seed,
            String kills,
            Ledger ledger,
            Map<String, OutboxRows.Row> rows,
            FakeGraph graph,
            FakeOpenAi openAi,
            Meta meta,
            long loadSeconds,
            long drainSeconds) {
        List<Ledger.Outcome> inDoubt = ledger.outcomes().stream()
                .filter(o -> o.botMessages().stream()
                        .map(m -> rows.get(m.path("id").asText()))
                        .anyMatch(r -> r != null && r.state().equals("in_doubt")))
                .toList();
        return new KillNineReport(
                title,
                seed,
                kills,
                ledger,
                inDoubt.size(),
                inDoubt.stream().filter(o -> o.texts().size() == 1).count(),
                inDoubt.stream()
                        .filter(o -> graph.attemptsTo(o.customer().phone()) == 0)
                        .count(),
                ledger.unansweredBecause(rows),
                "webhook posts " + meta.posts() + ", answers " + meta.answers(),
                "agent calls " + openAi.calls() + ", texts at Graph " + graph.textCount(),
                loadSeconds,
                drainSeconds);
    }

    String line() {
        int customers = ledger.outcomes().size();
        return String.format(
                "%s SUMMARY | seed %d | %s | customers %d | %s | stored once %d/%d,"
                        + " stray conversations %d | replies: once %d, twice %d, foreign %d, holding messages %d |"
                        + " in doubt %d: Meta has it %d, never reached Graph %d | unanswered %d %s | %s | load %d s,"
                        + " drain %d s",
                title,
                seed,
                kills,
                customers,
                webhooks,
                customers - ledger.notStoredOnce().size(),
                customers,
                ledger.strayConversations(),
                ledger.answeredOnce(),
                ledger.answeredTwice().size(),
                ledger.foreignTexts().size(),
                ledger.fallbacks(),
                inDoubt,
                inDoubtMetaHasIt,
                inDoubtNeverReachedGraph,
                ledger.unanswered().size(),
                unansweredBecause,
                calls,
                loadSeconds,
                drainSeconds);
    }
}

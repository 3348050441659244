package sportello.faults;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold after any kill -9 run, however many instances were killed and how. */
final class ExactlyOnce {

    private ExactlyOnce() {}

    /** Every message stored once, nobody answered twice or for someone else, only in-doubt sends unanswered. */
    static void assertHolds(Ledger ledger, KillNineReport report) {
        assertThat(ledger.outcomes()).as("customers who wrote").isNotEmpty();
        assertThat(ledger.notStoredOnce())
                .as("messages not stored exactly once")
                .isEmpty();
        assertThat(ledger.strayConversations())
                .as("conversations of nobody who wrote")
                .isZero();
        assertThat(ledger.answeredTwice()).as("customers with two replies").isEmpty();
        assertThat(ledger.moreThanOneBotMessage())
                .as("customers with two bot messages in the conversation")
                .isEmpty();
        assertThat(ledger.foreignTexts()).as("replies answering someone else").isEmpty();
        assertThat(report.unansweredBecause().keySet())
                .as("why customers have no reply: only an in-doubt send may wait for its recheck")
                .allMatch(reason -> reason.startsWith("in_doubt"));
        if (FaultSize.awaitInDoubt()) {
            assertThat(ledger.unanswered()).as("unanswered after the recheck").isEmpty();
        }
    }
}

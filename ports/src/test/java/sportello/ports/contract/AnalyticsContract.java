package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Analytics;
import sportello.ports.out.AnalyticsReport;
import sportello.ports.out.AnalyticsReport.DayCount;
import sportello.ports.out.AnalyticsReport.DayUsage;
import sportello.ports.out.AnalyticsReport.ReasonCount;
import sportello.ports.out.Usage;

/**
 * What every {@link Analytics} must report, from what the other storage ports wrote. Days are counted in the
 * business's zone: Rome is UTC+1 in November, so 23:30 UTC is already the next day there.
 */
public abstract class AnalyticsContract {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final LocalDate NOV_24 = LocalDate.of(2026, 11, 24);
    private static final LocalDate NOV_25 = LocalDate.of(2026, 11, 25);
    private static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);
    private static final LocalDate NOV_27 = LocalDate.of(2026, 11, 27);
    /** 10:00 in Rome on 25 November. */
    private static final Instant MORNING = Instant.parse("2026-11-25T09:00:00Z");

    private final ProfileSchema schema = ProfileSchema.standard();
    private final Map<String, Conversation> conversations = new HashMap<>();
    private Storage storage;
    private int messages;

    protected abstract Storage createStorage();

    @BeforeEach
    void setUp() {
        storage = createStorage();
    }

    private void customerWrites(String id, MessageKind kind, String text, Instant at) {
        var customer = Customer.of("IT." + id, null, "Cliente " + id);
        var conversation = conversations.getOrDefault(id, Conversation.start(new ConversationId(id), customer));
        int n = ++messages;
        var message = new CustomerMessage(TestMessages.ACCOUNT, "w-" + n, customer, kind, text, at, "{}");
        conversation = conversation.receive("m-" + n, message, schema).conversation();
        storage.conversations().save(conversation);
        conversations.put(id, conversation);
    }

    private void customerWrites(String id, String text, Instant at) {
        customerWrites(id, MessageKind.TEXT, text, at);
    }

    private void weAnswer(String id, Author author, Instant at) {
        storage.outbox().enqueue(new ConversationId(id), author, "Certo!", null, at);
    }

    private void flag(String id, String reason, Instant at) {
        var flagged = conversations.get(id).flagForStaff(reason, at);
        storage.conversations().save(flagged);
        conversations.put(id, flagged);
    }

    private void handled(String id) {
        var handled = conversations.get(id).attentionHandled();
        storage.conversations().save(handled);
        conversations.put(id, handled);
    }

    private AnalyticsReport report(LocalDate from, LocalDate to) {
        return storage.analytics().report(from, to, ROME);
    }

    @Test
    void conversationsPerDay_countDaysInTheBusinessZone_andShowEmptyDaysAsZero() {
        customerWrites("c1", "Ciao", Instant.parse("2026-11-24T23:30:00Z")); // 00:30 on the 25th in Rome
        customerWrites("c2", "Buonasera", Instant.parse("2026-11-25T22:59:00Z")); // 23:59 on the 25th
        weAnswer("c2", Author.BOT, Instant.parse("2026-11-25T23:30:00Z")); // 00:30 on the 26th
        customerWrites("c2", "Grazie", Instant.parse("2026-11-25T23:40:00Z"));

        var report = report(NOV_24, NOV_27);

        assertThat(report.conversationsPerDay())
                .containsExactly(
                        new DayCount(NOV_24, 0),
                        new DayCount(NOV_25, 2),
                        new DayCount(NOV_26, 1),
                        new DayCount(NOV_27, 0));
        assertThat(report.from()).isEqualTo(NOV_24);
        assertThat(report.to()).isEqualTo(NOV_27);
    }

    @Test
    void lateMessage_countsOnTheDayItWasSent() {
        customerWrites("c1", "Sono ancora io", MORNING.plus(Duration.ofDays(1)));
        customerWrites("c1", "Ciao, scritto ieri", MORNING); // delivered late

        var report = report(NOV_25, NOV_26);

        assertThat(report.conversationsPerDay()).containsExactly(new DayCount(NOV_25, 1), new DayCount(NOV_26, 1));
    }

    @Test
    void completionRate_isTheShareOfActiveConversationsWithACompleteProfile() {
        customerWrites("done", "Sono Giulia Rossi, giulia.rossi@example.it, ordine n. 58213", MORNING);
        customerWrites("half", "Sono Marco Bianchi, marco@example.com", MORNING);
        customerWrites("empty1", "Ciao", MORNING);
        customerWrites("empty2", "Ciao", MORNING);
        customerWrites(
                "earlier", "Sono Anna Neri, anna@example.it, ordine n. 12345", MORNING.minus(Duration.ofDays(3)));
        customerWrites("half", "Ci siete?", MORNING.plus(Duration.ofDays(2))); // active again after the range

        assertThat(report(NOV_25, NOV_25).profileCompletionRate()).isEqualTo(0.25);
        assertThat(report(NOV_26, NOV_27).profileCompletionRate()).isZero();
    }

    @Test
    void responseTimes_splitBetweenBotAndStaff_fromTheFirstUnansweredMessage() {
        customerWrites("bot", "Ciao", MORNING);
        weAnswer("bot", Author.BOT, MORNING.plusSeconds(2));
        customerWrites("bot", "Avete la taglia M?", MORNING.plusSeconds(60));
        customerWrites("bot", "In blu", MORNING.plusSeconds(70)); // still the same question
        weAnswer("bot", Author.BOT, MORNING.plusSeconds(75));
        customerWrites("staff", "Vorrei un reso", MORNING);
        weAnswer("staff", Author.STAFF, MORNING.plusSeconds(300));
        customerWrites("waiting", "C'è nessuno?", MORNING);

        var report = report(NOV_25, NOV_25);

        assertThat(report.bot()).isEqualTo(new AnalyticsReport.ResponseTimes(8.5, 15.0, 2));
        assertThat(report.staff()).isEqualTo(new AnalyticsReport.ResponseTimes(300.0, 300.0, 1));
    }

    @Test
    void responseTimes_haveAnAverageAndANearestRankP90() {
        for (int i = 1; i <= 10; i++) {
            customerWrites("c" + i, "Domanda", MORNING);
            weAnswer("c" + i, Author.BOT, MORNING.plusSeconds(i));
        }

        var bot = report(NOV_25, NOV_25).bot();

        assertThat(bot.averageSeconds()).isEqualTo(5.5);
        assertThat(bot.p90Seconds()).isEqualTo(9.0);
        assertThat(bot.samples()).isEqualTo(10);
    }

    @Test
    void responseTimes_ignoreReactions_whichExpectNoAnswer() {
        customerWrites("c1", "Ciao", MORNING);
        weAnswer("c1", Author.BOT, MORNING.plusSeconds(5));
        customerWrites("c1", MessageKind.REACTION, "👍", MORNING.plusSeconds(10));
        customerWrites("c1", "Un'altra domanda", MORNING.plusSeconds(3600));
        weAnswer("c1", Author.BOT, MORNING.plusSeconds(3610));

        var bot = report(NOV_25, NOV_25).bot();

        assertThat(bot).isEqualTo(new AnalyticsReport.ResponseTimes(7.5, 10.0, 2));
    }

    @Test
    void responseTimes_withNothingAnswered_areEmpty() {
        customerWrites("c1", "Ciao", MORNING);

        var report = report(NOV_25, NOV_25);

        assertThat(report.bot()).isEqualTo(new AnalyticsReport.ResponseTimes(null, null, 0));
        assertThat(report.staff()).isEqualTo(new AnalyticsReport.ResponseTimes(null, null, 0));
    }

    @Test
    void handoffs_countEachFlagRaisedInTheRange_byReason_mostFrequentFirst() {
        customerWrites("c1", "Voglio parlare con una persona", MORNING);
        flag("c1", "Handoff requested", MORNING.plusSeconds(1));
        customerWrites("c1", "Allora?", MORNING.plusSeconds(60)); // saved again, still the same flag
        handled("c1");
        flag("c1", "Handoff requested", MORNING.plusSeconds(3600));
        customerWrites("c2", "Ciao", MORNING);
        flag("c2", "Agent failed", MORNING.plusSeconds(5));
        customerWrites("c3", "Ciao", MORNING.minus(Duration.ofDays(2)));
        flag("c3", "Handoff requested", MORNING.minus(Duration.ofDays(2)));

        var handoffs = report(NOV_25, NOV_25).handoffs();

        assertThat(handoffs)
                .containsExactly(new ReasonCount("Handoff requested", 2), new ReasonCount("Agent failed", 1));
    }

    @Test
    void messagesByKind_countsWhatCustomersSentInTheRange() {
        customerWrites("c1", "Ciao", MORNING);
        customerWrites("c1", "Ecco lo scontrino", MORNING.plusSeconds(10));
        customerWrites("c1", MessageKind.IMAGE, "", MORNING.plusSeconds(20));
        customerWrites("c1", MessageKind.REACTION, "👍", MORNING.plusSeconds(30));
        weAnswer("c1", Author.BOT, MORNING.plusSeconds(40));
        customerWrites("c2", MessageKind.AUDIO, "", MORNING.minus(Duration.ofDays(1)));

        var kinds = report(NOV_25, NOV_25).messagesByKind();

        assertThat(kinds).containsExactly(Map.entry("TEXT", 2L), Map.entry("IMAGE", 1L), Map.entry("REACTION", 1L));
    }

    @Test
    void usagePerDay_sumsTokensAndExactCost_inTheBusinessZone() {
        customerWrites("c1", "Ciao", MORNING);
        storage.usage()
                .record(
                        new ConversationId("c1"),
                        List.of(
                                usage(1000, 800, 30, "0.1", Instant.parse("2026-11-24T23:30:00Z")),
                                usage(2000, 0, 50, "0.2", MORNING)));
        storage.usage().record(new ConversationId("c2"), List.of(usage(10, 0, 5, "0.000346", MORNING)));

        var usage = report(NOV_24, NOV_26).usagePerDay();

        assertThat(usage)
                .extracting(DayUsage::date, DayUsage::inputTokens, DayUsage::cachedTokens, DayUsage::outputTokens)
                .containsExactly(tuple(NOV_24, 0L, 0L, 0L), tuple(NOV_25, 3010L, 800L, 85L), tuple(NOV_26, 0L, 0L, 0L));
        assertThat(usage.get(1).costUsd()).isEqualByComparingTo("0.300346"); // not 0.30034600000000004
        assertThat(usage.get(0).costUsd()).isEqualByComparingTo("0");
    }

    private static Usage usage(long input, long cached, long output, String cost, Instant at) {
        return new Usage("gpt-4.1-mini", input, cached, output, new BigDecimal(cost), at);
    }
}

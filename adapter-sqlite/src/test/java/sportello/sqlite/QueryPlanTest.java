package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Mode;
import sportello.ports.out.ConversationQuery;

/**
 * The hot queries are served by their indexes, without a sort step, so they stay fast at 100k conversations.
 * Checked through SQLite's own query plan rather than by timing.
 */
class QueryPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    private SqliteDatabase database;

    @BeforeEach
    void setUp() {
        database = SqliteDatabase.migrated(dir.resolve("sportello.db"));
    }

    private List<String> plan(String sql, Map<String, Object> bindings) {
        return database.inReadTransaction(
                "explain",
                handle -> handle.createQuery("EXPLAIN QUERY PLAN " + sql)
                        .bindMap(bindings)
                        .map((rs, ctx) -> rs.getString("detail"))
                        .list());
    }

    private List<String> listPlan(ConversationQuery query) {
        var filter = ConversationFilter.of(query);
        var bindings = new HashMap<>(filter.bindings());
        bindings.put("limit", query.limit());
        bindings.put("offset", query.offset());
        return plan(SqliteConversations.summaryPage(filter), bindings);
    }

    private static ConversationQuery query(
            String search, boolean attention, Boolean complete, Mode mode, Boolean windowOpen) {
        return new ConversationQuery(search, attention, complete, mode, windowOpen, NOW, 50, 0);
    }

    @Test
    void conversationList_walksTheListIndex_withoutSorting() {
        var plan = listPlan(ConversationQuery.page(NOW, 50, 0));

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("conversation_list"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void searchAndFilters_areCheckedOnTheListIndex_withoutSorting() {
        var plan = listPlan(query("58213", false, false, Mode.BOT, true));

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("conversation_list"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void needsAttention_walksOnlyTheFlaggedConversations() {
        var plan = listPlan(query(null, true, null, null, null));

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("conversation_attention"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void count_readsOnlyTheListIndex() {
        var filter = ConversationFilter.of(query("rossi", false, true, null, false));

        var plan = plan(SqliteConversations.countOf(filter), filter.bindings());

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("USING COVERING INDEX conversation_list"));
    }

    @Test
    void windowFilters_openAndClosed_areCheckedOnTheListIndexAlone() {
        for (boolean open : List.of(true, false)) {
            var query = query(null, false, null, null, open);
            var filter = ConversationFilter.of(query);

            var count = plan(SqliteConversations.countOf(filter), filter.bindings());
            var page = listPlan(query);

            assertThat(count).anySatisfy(step -> assertThat(step).contains("USING COVERING INDEX conversation_list"));
            assertThat(page).anySatisfy(step -> assertThat(step).contains("conversation_list"));
            assertThat(page).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
        }
    }

    private static final Map<String, Object> RANGE = Map.of(
            "start", "2026-11-01T00:00:00.000000000Z",
            "end", "2026-12-01T00:00:00.000000000Z",
            "bounds",
                    Days.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), ZoneOffset.UTC)
                            .boundsJson());

    @Test
    void conversationsPerDay_areCountedFromTheTimeIndexAlone_withoutDistinctOrSorting() {
        var plan = plan(SqliteAnalytics.ACTIVE_PER_DAY, RANGE);

        assertThat(plan)
                .anySatisfy(step -> assertThat(step).contains("USING COVERING INDEX message_at (at>? AND at<?)"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("GROUP BY"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("DISTINCT"));
    }

    @Test
    void completionRate_readsTheActiveConversationsFromTheListIndex() {
        var plan = plan(SqliteAnalytics.COMPLETION, RANGE);

        assertThat(plan)
                .anySatisfy(step ->
                        assertThat(step).contains("USING COVERING INDEX conversation_list (last_message_at>?)"));
    }

    @Test
    void messagesByKind_countEachKindOnItsIndexRange() {
        var bindings = new HashMap<>(RANGE);
        bindings.put("kinds", SqliteAnalytics.KIND_NAMES);

        var plan = plan(SqliteAnalytics.KINDS, bindings);

        assertThat(plan)
                .anySatisfy(step -> assertThat(step)
                        .contains("USING COVERING INDEX message_inbound_kind (kind=? AND at>? AND at<?)"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void responseTimesHandoffsAndUsage_readTheRangeOfTheirTimeIndexes() {
        assertThat(plan(SqliteAnalytics.ANSWERS, RANGE))
                .anySatisfy(step -> assertThat(step)
                        .contains("USING COVERING INDEX customer_turn_asked_at (asked_at>? AND asked_at<?)"));
        assertThat(plan(SqliteAnalytics.HANDOFFS, RANGE))
                .anySatisfy(step -> assertThat(step).contains("attention_event_at (at>? AND at<?)"));
        assertThat(plan(SqliteAnalytics.USAGE_PER_DAY, RANGE))
                .anySatisfy(step -> assertThat(step).contains("USING COVERING INDEX model_usage_at (at>? AND at<?)"));
    }

    @Test
    void chargedMessages_readTheRangeOfPricedReports_andFindEarlierReportsByTheUniqueKey() {
        var plan = plan(SqliteAnalytics.PRICED, RANGE);

        assertThat(plan)
                .anySatisfy(
                        step -> assertThat(step).contains("USING COVERING INDEX status_report_priced (at>? AND at<?)"));
        assertThat(plan)
                .anySatisfy(step -> assertThat(step)
                        .contains("USING INDEX sqlite_autoindex_status_report_1 (channel_message_id=?)"));
        assertThat(plan)
                .anySatisfy(step ->
                        assertThat(step).contains("USING COVERING INDEX erased_pricing_slot (slot>? AND slot<?)"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).matches("SCAN (r|p|status_report|erased_pricing)\\b.*"));
    }

    @Test
    void claimingTheNextReply_walksTheClaimableIndexInOrder_withoutSortingTheBacklog() {
        var claim = plan(SqliteOutbox.DUE, Map.of("now", "2026-11-25T09:00:00.000000000Z", "limit", 1));

        assertThat(claim).anySatisfy(step -> assertThat(step).contains("message_claimable"));
        assertThat(claim).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void customerLookups_seekTheirIndex_withoutSorting() {
        var byUserId = plan(SqliteConversations.BY_USER_ID, Map.of("value", "IT.1"));
        var byPhone = plan(SqliteConversations.BY_PHONE, Map.of("value", "393331234567"));

        assertThat(byUserId).anySatisfy(step -> assertThat(step).contains("conversation_user_id (user_id=?)"));
        assertThat(byPhone).anySatisfy(step -> assertThat(step).contains("conversation_phone (phone=?)"));
        assertThat(byUserId).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
        assertThat(byPhone).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void anonymousCountsOfForgottenData_areReadFromTheRangeOfTheirSlotIndexes() {
        var bindings = new HashMap<>(RANGE);
        bindings.put("kinds", SqliteAnalytics.KIND_NAMES);

        assertThat(plan(SqliteAnalytics.ACTIVE_PER_DAY, RANGE))
                .anySatisfy(step ->
                        assertThat(step).contains("USING COVERING INDEX erased_activity_slot (slot>? AND slot<?)"));
        assertThat(plan(SqliteAnalytics.KINDS, bindings))
                .anySatisfy(step -> assertThat(step)
                        .contains("USING COVERING INDEX erased_inbound_kind (kind=? AND slot>? AND slot<?)"));
        assertThat(plan(SqliteAnalytics.ANSWERS, RANGE))
                .anySatisfy(step -> assertThat(step)
                        .contains("USING COVERING INDEX erased_turn_asked_slot (asked_slot>? AND asked_slot<?)"));
        assertThat(plan(SqliteAnalytics.HANDOFFS, RANGE))
                .anySatisfy(step ->
                        assertThat(step).contains("USING COVERING INDEX erased_handoff_slot (slot>? AND slot<?)"));
        var usage = plan(SqliteAnalytics.USAGE_PER_DAY, RANGE);
        assertThat(usage)
                .anySatisfy(step ->
                        assertThat(step).contains("USING COVERING INDEX erased_usage_slot (slot>? AND slot<?)"));
        assertThat(usage).noneSatisfy(step -> assertThat(step).startsWith("SCAN model_usage"));
    }
}

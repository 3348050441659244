package sportello.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.domain.conversation.DeliveryState.DELIVERED;
import static sportello.domain.conversation.DeliveryState.FAILED;
import static sportello.domain.conversation.DeliveryState.PENDING;
import static sportello.domain.conversation.DeliveryState.PLAYED;
import static sportello.domain.conversation.DeliveryState.READ;
import static sportello.domain.conversation.DeliveryState.SENT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-16T09:00:00Z");

    @Test
    void sentThenDeliveredThenRead_isRead() {
        var delivery =
                Delivery.PENDING.advance(SENT, null).advance(DELIVERED, null).advance(READ, null);

        assertThat(delivery).isEqualTo(new Delivery(READ, null));
    }

    @Test
    void readBeforeDelivered_staysRead() {
        var delivery =
                Delivery.PENDING.advance(READ, null).advance(DELIVERED, null).advance(SENT, null);

        assertThat(delivery.state()).isEqualTo(READ);
    }

    @Test
    void failedWhilePending_isFailedWithReason() {
        var delivery = Delivery.PENDING.advance(FAILED, "131047 re-engagement message");

        assertThat(delivery).isEqualTo(Delivery.failed("131047 re-engagement message"));
        assertThat(delivery.failure()).contains("131047 re-engagement message");
    }

    @Test
    void failedAfterSent_replacesSent() {
        var delivery = Delivery.PENDING.advance(SENT, null).advance(FAILED, "undeliverable");

        assertThat(delivery).isEqualTo(new Delivery(FAILED, "undeliverable"));
    }

    @Test
    void sentAfterFailed_staysFailed() {
        var delivery = Delivery.failed("undeliverable").advance(SENT, null);

        assertThat(delivery).isEqualTo(new Delivery(FAILED, "undeliverable"));
    }

    @ParameterizedTest
    @EnumSource(
            value = DeliveryState.class,
            names = {"DELIVERED", "READ", "PLAYED"})
    void failedAfterDelivered_keepsDelivered_andRecordsReason(DeliveryState reached) {
        var delivery = Delivery.PENDING.advance(reached, null);

        var afterFailure = delivery.advance(FAILED, "one of the customer's devices failed");

        assertThat(afterFailure.state()).isEqualTo(reached);
        assertThat(afterFailure.failure()).contains("one of the customer's devices failed");
    }

    @Test
    void deliveredAfterFailed_isDelivered_andKeepsReason() {
        var delivery = Delivery.failed("timeout").advance(DELIVERED, null);

        assertThat(delivery).isEqualTo(new Delivery(DELIVERED, "timeout"));
    }

    @Test
    void failureWithoutReason_keepsEarlierReason() {
        var delivery = Delivery.failed("timeout").advance(FAILED, null);

        assertThat(delivery.failure()).contains("timeout");
    }

    @ParameterizedTest
    @EnumSource(DeliveryState.class)
    void sameReportTwice_isIdempotent(DeliveryState reported) {
        var once = Delivery.PENDING.advance(SENT, null).advance(reported, "reason");

        var twice = once.advance(reported, "reason");

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void pendingReport_changesNothing() {
        var sent = Delivery.PENDING.advance(SENT, null);

        assertThat(sent.advance(PENDING, null)).isEqualTo(sent);
    }

    @Test
    void played_beatsRead() {
        var delivery = Delivery.PENDING.advance(PLAYED, null).advance(READ, null);

        assertThat(delivery.state()).isEqualTo(PLAYED);
    }

    @ParameterizedTest
    @MethodSource("reportSets")
    void fold_givesTheSameResult_forEveryOrderOfTheReports(List<StatusReport> reports, Delivery expected) {
        var results = permutations(reports).stream()
                .map(order -> Delivery.fold(Delivery.PENDING, order))
                .distinct()
                .toList();

        assertThat(results).containsExactly(expected);
    }

    static Stream<Arguments> reportSets() {
        return Stream.of(
                Arguments.of(List.of(report(SENT, 0), report(DELIVERED, 1), report(READ, 2)), new Delivery(READ, null)),
                Arguments.of(
                        List.of(report(SENT, 0), failure("undeliverable", 1)), new Delivery(FAILED, "undeliverable")),
                Arguments.of(
                        List.of(report(SENT, 0), report(DELIVERED, 1), failure("device offline", 2)),
                        new Delivery(DELIVERED, "device offline")),
                Arguments.of(
                        List.of(report(SENT, 0), report(DELIVERED, 1), report(READ, 2), failure("device offline", 3)),
                        new Delivery(READ, "device offline")),
                Arguments.of(
                        List.of(failure("first", 1), failure("second", 2), report(SENT, 0)),
                        new Delivery(FAILED, "second")),
                Arguments.of(
                        List.of(failure("b", 1), failure("a", 1), report(DELIVERED, 1)), new Delivery(DELIVERED, "b")),
                Arguments.of(
                        List.of(
                                report(SENT, 0),
                                report(SENT, 0),
                                report(DELIVERED, 1),
                                report(PLAYED, 3),
                                report(READ, 2)),
                        new Delivery(PLAYED, null)));
    }

    @Test
    void fold_startsFromTheGivenDelivery() {
        var start = Delivery.failed("send refused");

        var folded = Delivery.fold(start, List.of(report(SENT, 0)));

        assertThat(folded).isEqualTo(start);
    }

    @Test
    void fold_ofNoReports_isTheStart() {
        var folded = Delivery.fold(Delivery.PENDING, List.of());

        assertThat(folded).isEqualTo(Delivery.PENDING);
    }

    @Test
    void fold_equalsAdvancingReportByReport_inTimeOrder() {
        var reports = List.of(report(SENT, 0), failure("flaky", 1), report(DELIVERED, 2), report(READ, 3));

        var folded = Delivery.fold(Delivery.PENDING, reports);

        var stepwise = Delivery.PENDING
                .advance(SENT, null)
                .advance(FAILED, "flaky")
                .advance(DELIVERED, null)
                .advance(READ, null);
        assertThat(folded).isEqualTo(stepwise);
    }

    private static StatusReport report(DeliveryState state, int secondsAfterT0) {
        return new StatusReport("390212345678", "wamid.out.1", state, T0.plusSeconds(secondsAfterT0), null, "o1");
    }

    private static StatusReport failure(String reason, int secondsAfterT0) {
        return new StatusReport("390212345678", "wamid.out.1", FAILED, T0.plusSeconds(secondsAfterT0), reason, "o1");
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        var all = new ArrayList<List<T>>();
        for (int i = 0; i < items.size(); i++) {
            var rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                var permutation = new ArrayList<T>();
                permutation.add(head);
                permutation.addAll(tail);
                all.add(permutation);
            }
        }
        return all;
    }
}

package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sportello.domain.business.OpeningHours;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingMetrics;
import sportello.ports.in.CheckHealth.Status;

/** Silence during opening hours and sends failing in a row show up in /health (and so become alerts). */
class ActivityProbesTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** Wednesday 2026-11-25, 09:00 in Rome. */
    private final ManualClock clock = ManualClock.at("2026-11-25T08:00:00Z");

    private final RecordingMetrics measured = new RecordingMetrics();
    private final RecentActivity activity = new RecentActivity(measured, clock);
    private final Optional<OpeningHours> hours = OpeningHours.parse("lun-ven 9-13 e 15-19");
    private final WebhookProbe webhooks = new WebhookProbe(activity, clock, hours, ROME, Duration.ofHours(2));
    private final SendingProbe sending = new SendingProbe(activity, clock);

    @Test
    void silenceLongerThanAllowedDuringOpeningHours_isDegraded_andAWebhookClearsIt() {
        clock.advance(Duration.ofMinutes(121));

        assertThat(webhooks.probe().status()).isEqualTo(Status.DEGRADED);
        assertThat(webhooks.probe().detail()).contains("tunnel").contains("sportello doctor");

        activity.webhook("stored", 1);
        assertThat(webhooks.probe().status()).isEqualTo(Status.UP);
        assertThat(webhooks.probe().detail()).isEqualTo("last webhook 0 s ago");
    }

    @Test
    void silenceOutsideOpeningHours_isNormal() {
        activity.webhook("stored", 1);
        clock.advance(Duration.ofHours(4)); // 13:00-15:00 lunch break, now 13:00 local

        assertThat(webhooks.probe().status()).isEqualTo(Status.UP);
        clock.advance(Duration.ofHours(14)); // Thursday 03:00
        assertThat(webhooks.probe().status()).isEqualTo(Status.UP);
        assertThat(webhooks.probe().detail()).isEqualTo("last webhook 18 h ago");
    }

    @Test
    void unknownOpeningHours_neverAlarm() {
        var probe = new WebhookProbe(activity, clock, Optional.empty(), ROME, Duration.ofHours(2));
        clock.advance(Duration.ofDays(3));

        assertThat(probe.probe().status()).isEqualTo(Status.UP);
        assertThat(probe.probe().detail()).isEqualTo("last webhook none since start");
    }

    @Test
    void rejectedWebhooks_doNotCountAsLife() {
        clock.advance(Duration.ofMinutes(150));
        activity.webhook("rejected", 0);

        assertThat(webhooks.probe().status()).isEqualTo(Status.DEGRADED);
    }

    @Test
    void sendsFailingInARow_degrade_andOneSuccessClears() {
        activity.send("accepted");
        for (int i = 0; i < SendingProbe.FAILURES_IN_A_ROW - 1; i++) {
            activity.send(i % 2 == 0 ? "refused" : "retry");
        }
        assertThat(sending.probe().status()).isEqualTo(Status.UP);

        activity.send("refused");
        assertThat(sending.probe().status()).isEqualTo(Status.DEGRADED);
        assertThat(sending.probe().detail()).contains("the last 5 send attempts failed");

        activity.send("accepted");
        assertThat(sending.probe().status()).isEqualTo(Status.UP);
        assertThat(sending.probe().detail()).isEqualTo("last successful send 0 s ago");
    }

    @Test
    void measurements_stillReachTheRealMetrics() {
        activity.webhook("stored", 2);
        activity.send("accepted");

        assertThat(measured.lines()).containsExactly("webhook stored 2", "send accepted");
    }

    @Test
    void blockedChannel_isShownAsSuch_untilASendGoesThrough() {
        activity.send("blocked");

        assertThat(sending.probe().status()).isEqualTo(Status.DEGRADED);
        assertThat(sending.probe().detail()).contains("WHATSAPP_ACCESS_TOKEN").contains("paused");

        activity.send("accepted");
        assertThat(sending.probe().status()).isEqualTo(Status.UP);
    }

    @Test
    void agentFailingCustomersInARow_degrades_andOneAnswerClears() {
        var agent = new AgentProbe(activity, clock);
        activity.agentTurn("reply", java.time.Duration.ofMillis(800), java.util.List.of());
        for (int i = 0; i < AgentProbe.FAILURES_IN_A_ROW - 1; i++) {
            activity.agentTurn("unavailable", java.time.Duration.ofSeconds(30), java.util.List.of());
        }
        assertThat(agent.probe().status()).isEqualTo(Status.UP);

        activity.agentTurn("unavailable", java.time.Duration.ofSeconds(30), java.util.List.of());
        assertThat(agent.probe().status()).isEqualTo(Status.DEGRADED);
        assertThat(agent.probe().detail()).contains("last 3 customers").contains("OpenAI key");

        activity.agentTurn("reply", java.time.Duration.ofMillis(800), java.util.List.of());
        assertThat(agent.probe().status()).isEqualTo(Status.UP);
        assertThat(agent.probe().detail()).isEqualTo("last answer 0 s ago");
    }
}

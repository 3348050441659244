package sportello.ports.usecase;

import sportello.ports.in.CheckHealth;
import sportello.ports.out.HealthProbe;

/**
 * DEGRADED when sends keep failing, so staff hear of it (through {@link HealthWatch}) before customers complain;
 * one success clears it.
 */
public final class SendingProbe implements HealthProbe {

    /** A single failure is routine (a rate limit, a blip); this many in a row is not. */
    public static final int FAILURES_IN_A_ROW = 5;

    private final RecentActivity activity;
    private final java.time.InstantSource clock;

    public SendingProbe(RecentActivity activity, java.time.InstantSource clock) {
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sending";
    }

    @Override
    public CheckHealth.Check probe() {
        int failed = activity.failedSendsInARow();
        String last = "last successful send " + RecentActivity.ago(activity.lastSuccessfulSend(), clock.instant());
        if (activity.sendingBlocked()) {
            return new CheckHealth.Check(
                    CheckHealth.Status.DEGRADED,
                    "WhatsApp refuses every send (access token expired or revoked, or the account is blocked):"
                            + " sending is paused and messages are kept (" + last + "). Set a valid"
                            + " WHATSAPP_ACCESS_TOKEN and restart; run `sportello doctor` to see which");
        }
        if (failed >= FAILURES_IN_A_ROW) {
            return new CheckHealth.Check(
                    CheckHealth.Status.DEGRADED,
                    "the last " + failed + " send attempts failed (" + last + "): see the failed messages on the"
                            + " dashboard and run `sportello doctor` to check the WhatsApp token and number");
        }
        return new CheckHealth.Check(CheckHealth.Status.UP, last);
    }
}

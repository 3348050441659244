package sportello.ports.usecase;

import java.time.InstantSource;
import sportello.ports.in.CheckHealth;
import sportello.ports.out.HealthProbe;

/**
 * The AI agent's state as customers see it: when it last answered, and DEGRADED when it failed several customers
 * in a row (key rejected, quota exhausted, outage); one answer clears it.
 */
public final class AgentProbe implements HealthProbe {

    /** One failure is a blip the holding message covers; this many in a row means customers wait for staff. */
    public static final int FAILURES_IN_A_ROW = 3;

    private final RecentActivity activity;
    private final InstantSource clock;

    public AgentProbe(RecentActivity activity, InstantSource clock) {
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public CheckHealth.Check probe() {
        String last = "last answer " + RecentActivity.ago(activity.lastAnswer(), clock.instant());
        int failed = activity.failedTurnsInARow();
        if (failed >= FAILURES_IN_A_ROW) {
            return new CheckHealth.Check(
                    CheckHealth.Status.DEGRADED,
                    "the AI agent could not answer the last " + failed + " customers (" + last + "); they got the"
                            + " holding message and wait for staff. Run `sportello doctor` to check the OpenAI key,"
                            + " quota and model");
        }
        return new CheckHealth.Check(CheckHealth.Status.UP, last);
    }
}

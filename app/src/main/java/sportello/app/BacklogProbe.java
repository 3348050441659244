package sportello.app;

import sportello.ports.in.CheckHealth;
import sportello.ports.out.HealthProbe;
import sportello.ports.out.Inbox;
import sportello.ports.out.Outbox;

/** How much work is waiting: customer messages not yet handled and replies not yet accepted by the channel. */
record BacklogProbe(Inbox inbox, Outbox outbox) implements HealthProbe {

    @Override
    public String name() {
        return "backlog";
    }

    @Override
    public CheckHealth.Check probe() {
        return new CheckHealth.Check(
                CheckHealth.Status.UP, "inbox " + inbox.pendingCount() + ", outbox " + outbox.unsentCount());
    }
}

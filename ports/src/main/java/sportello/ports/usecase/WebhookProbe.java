package sportello.ports.usecase;

import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Optional;
import sportello.domain.business.OpeningHours;
import sportello.ports.in.CheckHealth;
import sportello.ports.out.HealthProbe;

/**
 * DEGRADED when no webhook has arrived for {@code silence} while the business is open: a broken tunnel or a lost
 * webhook subscription looks exactly like a quiet day, except that a quiet day rarely lasts hours during opening
 * time. Without known opening hours (or with a zero silence) it only reports the age of the last webhook.
 */
public final class WebhookProbe implements HealthProbe {

    private final RecentActivity activity;
    private final InstantSource clock;
    private final Optional<OpeningHours> hours;
    private final ZoneId zone;
    private final Duration silence;

    public WebhookProbe(
            RecentActivity activity, InstantSource clock, Optional<OpeningHours> hours, ZoneId zone, Duration silence) {
        this.activity = activity;
        this.clock = clock;
        this.hours = hours;
        this.zone = zone;
        this.silence = silence;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public CheckHealth.Check probe() {
        var now = clock.instant();
        String last = "last webhook " + RecentActivity.ago(activity.lastWebhook(), now);
        boolean open = hours.map(h -> h.isOpenAt(now.atZone(zone))).orElse(false);
        boolean tooQuiet = !silence.isZero()
                && Duration.between(activity.quietSince(), now).compareTo(silence) > 0;
        if (open && tooQuiet) {
            return new CheckHealth.Check(
                    CheckHealth.Status.DEGRADED,
                    last + ", and the business is open (" + hours.get() + "): check that the tunnel or reverse"
                            + " proxy to /webhook is up and that the app is still subscribed to the WhatsApp"
                            + " Business Account (`sportello doctor` checks both)");
        }
        return new CheckHealth.Check(CheckHealth.Status.UP, last);
    }
}

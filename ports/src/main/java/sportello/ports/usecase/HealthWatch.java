package sportello.ports.usecase;

import sportello.ports.in.CheckHealth;
import sportello.ports.in.RaiseAlert;

/** Runs the health checks on a schedule and turns a DOWN or DEGRADED check into an alert, and back. */
public final class HealthWatch {

    private final CheckHealth health;
    private final RaiseAlert alerts;

    public HealthWatch(CheckHealth health, RaiseAlert alerts) {
        this.health = health;
        this.alerts = alerts;
    }

    public void check() {
        health.check().checks().forEach((name, check) -> {
            String key = "health." + name;
            if (check.status() == CheckHealth.Status.UP) {
                alerts.resolve(key);
            } else {
                alerts.raise(key, "Sportello health check '" + name + "' is " + check.status(), check.detail());
            }
        });
    }
}

package sportello.ports.usecase;

import java.util.LinkedHashMap;
import java.util.List;
import sportello.ports.in.CheckHealth;
import sportello.ports.out.HealthProbe;

/** The worst probe decides: any DOWN makes Sportello DOWN, any DEGRADED makes it DEGRADED. */
public final class CheckingHealth implements CheckHealth {

    private final List<HealthProbe> probes;

    public CheckingHealth(List<HealthProbe> probes) {
        this.probes = List.copyOf(probes);
    }

    @Override
    public Health check() {
        var checks = new LinkedHashMap<String, Check>();
        var overall = Status.UP;
        for (HealthProbe probe : probes) {
            Check check;
            try {
                check = probe.probe();
            } catch (RuntimeException e) {
                check = new Check(Status.DOWN, "check failed: " + e.getMessage());
            }
            checks.put(probe.name(), check);
            if (check.status().ordinal() > overall.ordinal()) {
                overall = check.status();
            }
        }
        return new Health(overall, checks);
    }
}

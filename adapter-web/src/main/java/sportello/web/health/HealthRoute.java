package sportello.web.health;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import sportello.ports.in.CheckHealth;

/** {@code GET /health}: {@code {"status":"UP"|"DEGRADED"|"DOWN","checks":{…}}}, 503 when DOWN. */
public final class HealthRoute {

    private final CheckHealth health;

    public HealthRoute(CheckHealth health) {
        this.health = health;
    }

    public void get(Context ctx) {
        var result = health.check();
        var checks = new LinkedHashMap<String, Map<String, String>>();
        result.checks()
                .forEach((name, check) ->
                        checks.put(name, Map.of("status", check.status().name(), "detail", check.detail())));
        ctx.status(result.status() == CheckHealth.Status.DOWN ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                .json(Map.of("status", result.status().name(), "checks", checks));
    }
}

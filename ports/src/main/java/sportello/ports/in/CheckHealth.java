package sportello.ports.in;

import java.util.Map;

/** Driving port: is Sportello able to do its job right now? */
public interface CheckHealth {

    Health check();

    enum Status {
        UP,
        DEGRADED,
        DOWN
    }

    /** The overall status and each check's own status and detail. */
    record Health(Status status, Map<String, Check> checks) {}

    record Check(Status status, String detail) {}
}

package sportello.openai;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises each problem once until OpenAI answers again, so that an expired key during a busy hour gives one alert
 * and not one per customer message. Thread-safe: conversations are answered concurrently.
 */
final class Alarms {

    private static final Logger log = LoggerFactory.getLogger(Alarms.class);

    private final Set<String> raised = ConcurrentHashMap.newKeySet();
    private final Consumer<String> criticalAlert;

    Alarms(Consumer<String> criticalAlert) {
        this.criticalAlert = criticalAlert;
    }

    /** ERROR log and the alert hook, the first time only. */
    void critical(String condition, String message) {
        if (raised.add(condition)) {
            log.error(message);
            notify(message);
        } else {
            log.debug("Still failing, already alerted: {}", message);
        }
    }

    /** ERROR log the first time, WARN afterwards: a person should look, but need not be paged. */
    void error(String condition, String message) {
        if (raised.add(condition)) {
            log.error(message);
        } else {
            log.warn(message);
        }
    }

    /** An alert for something that can never clear in this process (e.g. a deleted stored prompt). */
    void once(String condition, String message) {
        if (raised.add("permanent:" + condition)) {
            log.error(message);
            notify(message);
        }
    }

    /** OpenAI answered: the next failure is news again. Permanent conditions stay raised. */
    void allClear() {
        if (raised.removeIf(condition -> !condition.startsWith("permanent:"))) {
            log.info("OpenAI answers again");
        }
    }

    private void notify(String message) {
        try {
            criticalAlert.accept(message);
        } catch (RuntimeException e) {
            log.warn("The alert hook failed: {}", e.toString()); // an alert must never cost the customer a reply
        }
    }
}

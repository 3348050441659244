package sportello.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** /health and the child's log, shortened for one summary line. */
final class HealthView {

    private HealthView() {}

    /** e.g. {@code DOWN [database DOWN: not writable: …, disk DOWN: 0 MB free …]}: the checks that are not UP. */
    static String brief(JsonNode health) {
        var notUp = new ArrayList<String>();
        health.path("checks").properties().forEach(check -> {
            String status = check.getValue().path("status").asText();
            if (!status.equals("UP")) {
                notUp.add(check.getKey() + " " + status + ": "
                        + shortened(check.getValue().path("detail").asText(), 110));
            }
        });
        return health.path("status").asText() + " " + notUp;
    }

    /** The child's distinct WARN and ERROR messages (without timestamps), at most {@code limit}, shortened. */
    static List<String> problems(String log, int limit) {
        return log.lines()
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                .map(l -> l.length() > 13 ? l.substring(13) : l)
                .map(l -> shortened(l, 240))
                .distinct()
                .limit(limit)
                .toList();
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}

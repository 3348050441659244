package sportello.ports.fake;

import java.util.ArrayList;
import java.util.List;
import sportello.ports.out.Alert;
import sportello.ports.out.AlertSink;

/** Keeps every alert it is given. */
public final class RecordingAlertSink implements AlertSink {

    private final List<Alert> alerts = new ArrayList<>();

    @Override
    public synchronized void deliver(Alert alert) {
        alerts.add(alert);
    }

    public synchronized List<Alert> alerts() {
        return List.copyOf(alerts);
    }
}

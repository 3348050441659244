package sportello.app.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.out.Alert;
import sportello.ports.out.AlertSink;

/**
 * Posts alerts as JSON to {@code ALERT_WEBHOOK_URL}. The body carries {@code text} (what Slack and Teams incoming
 * webhooks display) plus {@code title}, {@code message}, {@code priority} and {@code tags} (what ntfy reads), so one
 * URL of any of them works without configuration.
 */
public final class WebhookAlertSink implements AlertSink {

    private static final Logger log = LoggerFactory.getLogger(WebhookAlertSink.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final String url;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final String instance;

    public WebhookAlertSink(String url, OkHttpClient http, ObjectMapper json, String instance) {
        this.url = url;
        this.http = http.newBuilder().callTimeout(Duration.ofSeconds(10)).build();
        this.json = json;
        this.instance = instance;
    }

    @Override
    public void deliver(Alert alert) {
        var body = new LinkedHashMap<String, Object>();
        String headline = (alert.resolved() ? "✅ " : "🚨 ") + "Sportello (" + instance + "): " + alert.title();
        body.put("text", alert.detail().isBlank() ? headline : headline + "\n" + alert.detail());
        body.put("title", headline);
        body.put("message", alert.detail().isBlank() ? alert.title() : alert.detail());
        body.put("priority", alert.resolved() ? 3 : 5);
        body.put("tags", alert.resolved() ? new String[] {"white_check_mark"} : new String[] {"rotating_light"});
        body.put("key", alert.key());
        body.put("resolved", alert.resolved());
        body.put("at", alert.at().toString());
        try {
            var request = new Request.Builder()
                    .url(url)
                    .post(RequestBody.create(json.writeValueAsBytes(body), JSON))
                    .build();
            try (var response = http.newCall(request).execute()) {
                if (!response.isSuccessful()) {
                    log.warn("Alert receiver answered HTTP {}: check ALERT_WEBHOOK_URL", response.code());
                }
            }
        } catch (IOException e) {
            log.warn("Alert receiver unreachable ({}): check ALERT_WEBHOOK_URL", e.getMessage());
        }
    }
}

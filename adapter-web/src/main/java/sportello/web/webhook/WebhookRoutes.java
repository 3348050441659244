package sportello.web.webhook;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import sportello.ports.in.ReceiveWebhook;
import sportello.ports.in.ReceiveWebhook.Outcome;

/**
 * The channel's webhook. A delivery is acknowledged with 200 only after it is stored; anything else makes the
 * channel deliver it again, which is what we want when storage failed and must not happen for a forged request.
 */
public final class WebhookRoutes {

    private final ReceiveWebhook webhook;

    public WebhookRoutes(ReceiveWebhook webhook) {
        this.webhook = webhook;
    }

    public void handshake(Context ctx) {
        var query = new HashMap<String, String>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.getFirst());
            }
        });
        webhook.handshake(query)
                .ifPresentOrElse(
                        challenge -> ctx.contentType("text/plain").result(challenge),
                        () -> ctx.status(HttpStatus.FORBIDDEN).result("Forbidden"));
    }

    public void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes(); // the exact bytes: the signature is over them, never a re-serialisation
        switch (webhook.receive(body, lowerCaseHeaders(ctx))) {
            case Outcome.Stored stored -> ctx.result("EVENT_RECEIVED");
            case Outcome.KeptUnreadable kept -> ctx.result("EVENT_RECEIVED");
            case Outcome.Rejected rejected ->
                ctx.status(HttpStatus.UNAUTHORIZED).result("Invalid signature");
            case Outcome.NotStored notStored ->
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("Not stored, please retry");
        }
    }

    private static Map<String, String> lowerCaseHeaders(Context ctx) {
        var headers = new HashMap<String, String>();
        ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return headers;
    }
}

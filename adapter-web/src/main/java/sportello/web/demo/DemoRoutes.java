package sportello.web.demo;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import sportello.ports.in.ReceiveWebhook;
import sportello.ports.in.ReceiveWebhook.Outcome;
import sportello.web.api.BadRequest;

/** {@code POST /api/demo/messages}: write to the front desk as a customer would, without WhatsApp. */
public final class DemoRoutes {

    private final ReceiveWebhook inbound;

    public DemoRoutes(ReceiveWebhook inbound) {
        this.inbound = inbound;
    }

    public void customerWrites(Context ctx) {
        switch (inbound.receive(ctx.bodyAsBytes(), Map.of())) {
            case Outcome.Stored stored -> ctx.status(HttpStatus.ACCEPTED).json(Map.of("status", "stored"));
            case Outcome.KeptUnreadable(var reason) -> throw new BadRequest(reason);
            case Outcome.Rejected(var reason) -> throw new BadRequest(reason);
            case Outcome.NotStored(var reason) ->
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "not_stored", "message", reason));
        }
    }
}

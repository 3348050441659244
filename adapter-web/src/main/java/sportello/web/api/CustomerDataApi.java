package sportello.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Map;
import sportello.domain.conversation.ConversationId;
import sportello.ports.in.ManageCustomerData;
import sportello.ports.in.UnknownConversation;
import sportello.ports.in.ViewMedia;
import sportello.web.access.AccessControl;

/**
 * The GDPR rights of access and erasure over HTTP: {@code GET /api/customers/{id}/export} (a zip with
 * {@code customer.json}, the files the customer sent and a {@code README.txt}, see {@link CustomerZip}) and
 * {@code DELETE /api/customers/{id}}. The id is the conversation's. The use case records who did it, as
 * {@link AccessControl#actor} names them.
 */
public final class CustomerDataApi {

    private final ManageCustomerData customerData;
    private final InstantSource clock;
    private final CustomerZip zip;

    public CustomerDataApi(ManageCustomerData customerData, ViewMedia media, InstantSource clock, ObjectMapper json) {
        this.customerData = customerData;
        this.clock = clock;
        this.zip = new CustomerZip(media, json);
    }

    /**
     * {@code GET /api/customers/{id}/export}: {@code sportello-customer-<id>.zip}; 404 if unknown. Streamed, because
     * the customer's videos and documents can be far larger than memory should hold.
     */
    public void export(Context ctx) throws IOException {
        var id = new ConversationId(ctx.pathParam("id"));
        var export = customerData.export(id, AccessControl.actor(ctx)).orElseThrow(() -> new UnknownConversation(id));
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(id) + "\"");
        zip.write(export, clock.instant(), ctx.outputStream());
    }

    /** {@code DELETE /api/customers/{id}}: {@code {"erased": {"message": 12, …}}}; 404 if unknown. */
    public void erase(Context ctx) {
        var id = new ConversationId(ctx.pathParam("id"));
        ctx.json(Map.of("erased", customerData.erase(id, AccessControl.actor(ctx))));
    }

    static String fileName(ConversationId id) {
        return "sportello-customer-" + id.value().replaceAll("[^A-Za-z0-9._-]", "_") + ".zip";
    }
}

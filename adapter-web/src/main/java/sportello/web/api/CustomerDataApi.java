package sportello.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import sportello.domain.conversation.ConversationId;
import sportello.ports.in.ManageCustomerData;
import sportello.ports.in.UnknownConversation;
import sportello.ports.out.CustomerRecords.CustomerExport;
import sportello.web.access.AccessControl;

/**
 * The GDPR rights of access and erasure over HTTP: {@code GET /api/customers/{id}/export} (a zip with
 * {@code customer.json} and a {@code README.txt}) and {@code DELETE /api/customers/{id}}. The id is the
 * conversation's. The use case records who did it, as {@link AccessControl#actor} names them.
 */
public final class CustomerDataApi {

    static final String README = """
            Sportello: everything stored about one customer (GDPR right of access)
            Sportello: tutti i dati conservati su un cliente (diritto di accesso, GDPR)

            customer.json
              conversationId      the conversation's id in Sportello
              customer            WhatsApp user id, phone number, WhatsApp name and name
              mode                who answered at the time of the export: BOT or HUMAN (staff)
              profile             what Sportello recorded about the customer; "source" is the id of the
                                  customer's message it came from, or "staff" when staff entered it
              attention           why staff were asked to look, if they were
              messages            every message in both directions: direction, author, kind, text,
                                  delivery status and time (UTC)
              modelUsage          the AI model calls made to answer this customer, with tokens and cost
              rawChannelPayloads  the customer's messages exactly as WhatsApp delivered them

            Note: media files are not stored by this version. Images, audio, video and documents the
            customer sent appear in customer.json as messages of that kind, without the file.
            Nota: questa versione non conserva i file multimediali. Immagini, audio, video e documenti
            compaiono in customer.json come messaggi di quel tipo, senza il file.
            """;

    private final ManageCustomerData customerData;
    private final InstantSource clock;
    private final ObjectMapper json;

    public CustomerDataApi(ManageCustomerData customerData, InstantSource clock, ObjectMapper json) {
        this.customerData = customerData;
        this.clock = clock;
        this.json = json;
    }

    /** {@code GET /api/customers/{id}/export}: {@code sportello-customer-<id>.zip}; 404 if unknown. */
    public void export(Context ctx) {
        var id = new ConversationId(ctx.pathParam("id"));
        var export = customerData.export(id, AccessControl.actor(ctx)).orElseThrow(() -> new UnknownConversation(id));
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(id) + "\"")
                .result(zip(export));
    }

    /** {@code DELETE /api/customers/{id}}: {@code {"erased": {"message": 12, …}}}; 404 if unknown. */
    public void erase(Context ctx) {
        var id = new ConversationId(ctx.pathParam("id"));
        ctx.json(Map.of("erased", customerData.erase(id, AccessControl.actor(ctx))));
    }

    static String fileName(ConversationId id) {
        return "sportello-customer-" + id.value().replaceAll("[^A-Za-z0-9._-]", "_") + ".zip";
    }

    private byte[] zip(CustomerExport export) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("customer.json"));
            zip.write(json.writer()
                    .with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(CustomerExportJson.of(export, clock.instant(), json)));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(README.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

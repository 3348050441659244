package sportello.whatsapp.inbound;

import static sportello.whatsapp.inbound.JsonFields.nonBlank;
import static sportello.whatsapp.inbound.JsonFields.object;
import static sportello.whatsapp.inbound.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An asynchronous WhatsApp error ({@code code, title, message, error_data.details}) as one readable line. Only the
 * code drives behaviour; the texts are for the staff member who reads the line.
 */
final class ReportedError {

    private ReportedError() {}

    /** "131047 Re-engagement message: The customer has not written…"; missing parts are left out. */
    static String describe(JsonNode error) {
        String code = text(error, "code");
        String title = nonBlank(error, "title");
        if (title == null) {
            title = nonBlank(error, "message");
        }
        String details = nonBlank(object(error, "error_data"), "details");
        StringBuilder line = new StringBuilder(code == null ? "error" : code);
        if (title != null) {
            line.append(' ').append(title);
        }
        if (details != null) {
            line.append(": ").append(details);
        }
        return line.toString();
    }
}

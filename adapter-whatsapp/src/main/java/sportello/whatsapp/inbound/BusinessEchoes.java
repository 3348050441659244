package sportello.whatsapp.inbound;

import static sportello.whatsapp.inbound.JsonFields.epochSeconds;
import static sportello.whatsapp.inbound.JsonFields.nonBlank;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import sportello.domain.conversation.BusinessEcho;
import sportello.domain.customer.Customer;

/**
 * Turns one {@code message_echoes[]} element of an {@code smb_message_echoes} change into a {@link BusinessEcho}: a
 * message staff sent from the WhatsApp Business app on a number shared with Sportello (coexistence). Its content has
 * the shape of a message we send, so it is read like an inbound one: the body, else the caption or a placeholder.
 */
final class BusinessEchoes {

    private BusinessEchoes() {}

    static void read(JsonNode echo, ChangeValue value, String where, ReadingCollector out) {
        if (!echo.isObject()) {
            out.notice(where + " is not an object; skipped");
            return;
        }
        String id = nonBlank(echo, "id");
        if (id == null) {
            out.notice(where + " has no id; skipped");
            return;
        }
        if (value.phoneNumberId() == null) {
            out.notice("echo " + id + " has no metadata.phone_number_id; skipped");
            return;
        }
        Optional<Instant> sentAt = epochSeconds(echo, "timestamp");
        if (sentAt.isEmpty()) {
            out.notice("echo " + id + " has no readable timestamp; skipped");
            return;
        }
        Optional<Customer> customer = Sender.recipientOf(echo, value.contacts());
        if (customer.isEmpty()) {
            out.notice("echo " + id + " names neither a user id nor a phone number to send to; skipped");
            return;
        }
        out.echo(new BusinessEcho(
                value.phoneNumberId(),
                id,
                customer.get(),
                PayloadContent.said(echo, out).text(),
                sentAt.get()));
    }
}

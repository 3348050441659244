package sportello.whatsapp.inbound;

import static sportello.whatsapp.inbound.JsonFields.epochSeconds;
import static sportello.whatsapp.inbound.JsonFields.nonBlank;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.customer.Customer;

/** Turns one {@code messages[]} element into a {@link CustomerMessage}, or a notice saying why it could not. */
final class InboundMessages {

    private InboundMessages() {}

    static void read(JsonNode message, ChangeValue value, String where, ReadingCollector out) {
        if (!message.isObject()) {
            out.notice(where + " is not an object; skipped");
            return;
        }
        String id = nonBlank(message, "id");
        if (id == null) {
            out.notice(where + " has no id; skipped");
            return;
        }
        if (value.phoneNumberId() == null) {
            out.notice("message " + id + " has no metadata.phone_number_id; skipped");
            return;
        }
        Optional<Instant> sentAt = epochSeconds(message, "timestamp");
        if (sentAt.isEmpty()) {
            out.notice("message " + id + " has no readable timestamp; skipped");
            return;
        }
        Optional<Customer> customer = Sender.of(message, value.contacts());
        if (customer.isEmpty()) {
            out.notice("message " + id + " names neither a user id nor a phone number; skipped");
            return;
        }
        PayloadContent content = PayloadContent.of(message, out);
        out.message(new CustomerMessage(
                value.phoneNumberId(),
                id,
                customer.get(),
                content.kind(),
                content.text(),
                sentAt.get(),
                // Kept whole so staff and later versions can read what v1 does not (context, referral, media hashes).
                message.toString(),
                content.attachment(),
                content.refersTo()));
    }
}

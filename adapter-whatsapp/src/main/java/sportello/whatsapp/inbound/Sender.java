package sportello.whatsapp.inbound;

import static sportello.whatsapp.inbound.JsonFields.nonBlank;
import static sportello.whatsapp.inbound.JsonFields.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import sportello.domain.customer.Customer;

/**
 * Who sent a message: the BSUID ({@code from_user_id}) and phone ({@code from}) on the message, completed from the
 * matching entry of {@code value.contacts}. Username users come without a phone, so either may be missing.
 */
final class Sender {

    private Sender() {}

    /** Empty when neither a user id nor a phone can be found: such a message cannot be tied to anyone. */
    static Optional<Customer> of(JsonNode message, List<JsonNode> contacts) {
        String userId = nonBlank(message, "from_user_id");
        String phone = nonBlank(message, "from");
        JsonNode contact = matchingContact(contacts, userId, phone);
        if (userId == null) {
            userId = nonBlank(contact, "user_id");
        }
        if (phone == null) {
            phone = nonBlank(contact, "wa_id");
        }
        if (userId == null) {
            // A system notice about a changed identity names the identity we already know as previous_user_id.
            userId = nonBlank(object(message, "system"), "previous_user_id");
        }
        if (userId == null && phone == null) {
            return Optional.empty();
        }
        return Optional.of(Customer.of(userId, phone, nonBlank(object(contact, "profile"), "name")));
    }

    /**
     * The contact with the same user id or phone; else the only contact, unless it clearly names someone else (it
     * would put another person's name on this customer).
     */
    private static JsonNode matchingContact(List<JsonNode> contacts, String userId, String phone) {
        for (JsonNode contact : contacts) {
            if (sameIfBoth(userId, nonBlank(contact, "user_id")) == Match.YES
                    || sameIfBoth(phone, nonBlank(contact, "wa_id")) == Match.YES) {
                return contact;
            }
        }
        if (contacts.size() == 1) {
            JsonNode only = contacts.get(0);
            boolean contradicts = sameIfBoth(userId, nonBlank(only, "user_id")) == Match.NO
                    || sameIfBoth(phone, nonBlank(only, "wa_id")) == Match.NO;
            if (!contradicts) {
                return only;
            }
        }
        return null;
    }

    private enum Match {
        YES,
        NO,
        UNKNOWN
    }

    private static Match sameIfBoth(String ours, String theirs) {
        if (ours == null || theirs == null) {
            return Match.UNKNOWN;
        }
        return ours.equals(theirs) ? Match.YES : Match.NO;
    }
}

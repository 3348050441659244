package sportello.whatsapp.inbound;

import static sportello.whatsapp.inbound.JsonFields.nonBlank;
import static sportello.whatsapp.inbound.JsonFields.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import sportello.domain.customer.Customer;

/**
 * Who a message is from (or, for an echo of what staff sent, to): the BSUID and phone on the message, completed from
 * the matching entry of {@code value.contacts}. Username users come without a phone, so either may be missing.
 */
final class Sender {

    private Sender() {}

    /** Empty when neither a user id nor a phone can be found: such a message cannot be tied to anyone. */
    static Optional<Customer> of(JsonNode message, List<JsonNode> contacts) {
        if ("system".equals(JsonFields.text(message, "type"))) {
            return changedIdentity(message, object(message, "system"));
        }
        return person(nonBlank(message, "from_user_id"), nonBlank(message, "from"), contacts);
    }

    /**
     * The customer a business echo went to: {@code to} is the phone, {@code to_user_id} the BSUID. Meta's example
     * writes {@code to} with a leading "+", which webhook phones never have, so it is dropped to match them.
     */
    static Optional<Customer> recipientOf(JsonNode echo, List<JsonNode> contacts) {
        String phone = nonBlank(echo, "to");
        if (phone != null && phone.startsWith("+")) {
            phone = phone.length() > 1 ? phone.substring(1) : null;
        }
        return person(nonBlank(echo, "to_user_id"), phone, contacts);
    }

    private static Optional<Customer> person(String userId, String phone, List<JsonNode> contacts) {
        JsonNode contact = matchingContact(contacts, userId, phone);
        if (userId == null) {
            userId = nonBlank(contact, "user_id");
        }
        if (phone == null) {
            phone = nonBlank(contact, "wa_id");
        }
        if (userId == null && phone == null) {
            return Optional.empty();
        }
        return Optional.of(Customer.of(userId, phone, nonBlank(object(contact, "profile"), "name")));
    }

    /**
     * A notice that the customer's phone or BSUID changed ({@code system.wa_id}, {@code system.user_id}; the old ones
     * are {@code from} and {@code previous_user_id}). A {@link Customer} holds one user id and one phone, and the
     * conversation is found by user id, then phone; so one of the two must still be an identifier it is stored under,
     * and the other carries the new identity, which {@code Customer.updatedWith} then records:
     *
     * <ul>
     *   <li>old phone known: new user id with the old phone. Found by the phone, also for conversations stored before
     *       BSUIDs existed, and keyed like the customer's next messages, so they share a lane;
     *   <li>else old user id known: old user id with the new phone. Found by the user id; the next message, under the
     *       new user id, is found by the new phone;
     *   <li>else (user id changed, no phone anywhere): the new user id, with the old one as
     *       {@link Customer#previousUserId()}, under which the conversation is still found.
     * </ul>
     */
    private static Optional<Customer> changedIdentity(JsonNode message, JsonNode system) {
        String newUserId = nonBlank(system, "user_id");
        String newPhone = nonBlank(system, "wa_id");
        String oldUserId = firstOf(nonBlank(system, "previous_user_id"), nonBlank(message, "from_user_id"));
        String oldPhone = nonBlank(message, "from");
        String userId;
        String phone;
        if (oldPhone != null) {
            userId = firstOf(newUserId, oldUserId);
            phone = oldPhone;
        } else if (newPhone != null) {
            userId = firstOf(oldUserId, newUserId);
            phone = newPhone;
        } else {
            if (newUserId != null && oldUserId != null && !newUserId.equals(oldUserId)) {
                return Optional.of(Customer.withChangedUserId(newUserId, oldUserId, null, null));
            }
            userId = firstOf(newUserId, oldUserId);
            phone = null;
        }
        if (userId == null && phone == null) {
            return Optional.empty();
        }
        // Meta sends no contacts with a system notice, so there is no name to take.
        return Optional.of(Customer.of(userId, phone, null));
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
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

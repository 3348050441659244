package sportello.whatsapp.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import sportello.domain.customer.Customer;

/**
 * Who a send goes to (reference §8): the phone when we know it, else the business-scoped user id, which is all we
 * have for customers who write with a username. Every kind of message addresses the customer the same way.
 */
record Recipient(String phone, String userId) {

    static Recipient of(Customer customer) {
        return new Recipient(customer.phone(), customer.userId());
    }

    void addTo(ObjectNode json) {
        json.put("recipient_type", "individual");
        // With both, Meta lets "to" win; sending only one keeps the request unambiguous.
        if (phone != null) {
            json.put("to", phone);
        } else {
            json.put("recipient", userId);
        }
    }
}

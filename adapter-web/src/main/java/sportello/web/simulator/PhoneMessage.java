package sportello.web.simulator;

import java.time.Instant;
import sportello.domain.conversation.Delivery;
import sportello.domain.conversation.DeliveryState;

/**
 * One message on a simulated phone: written by the customer, or received from the business. {@code correlation}
 * is what the business attached when sending, echoed back in the phone's receipts.
 */
record PhoneMessage(String id, From from, String text, Instant at, Delivery delivery, String correlation) {

    /** Who wrote it, seen from the phone. */
    enum From {
        CUSTOMER,
        BUSINESS
    }

    /** States only move forward, whatever order the news arrives in. */
    PhoneMessage advancedTo(DeliveryState state, String reason) {
        return new PhoneMessage(id, from, text, at, delivery.advance(state, reason), correlation);
    }

    boolean unreadByCustomer() {
        return from == From.BUSINESS && delivery.state().rank() < DeliveryState.READ.rank();
    }
}

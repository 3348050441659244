package sportello.ports.in;

import sportello.domain.conversation.ConversationId;

/**
 * Free text to a customer whose 24-hour window is closed: WhatsApp would refuse it, so it is refused here, at once
 * and with what to do instead. An {@link IllegalArgumentException}, so callers that report bad requests report it.
 */
public final class OutsideServiceWindow extends IllegalArgumentException {

    public OutsideServiceWindow(ConversationId conversation) {
        super("The customer of conversation " + conversation.value() + " has not written in the last 24 hours"
                + " (or WhatsApp said the window closed): only an approved template can be sent now, not free"
                + " text. Send a template instead, or answer when the customer writes again.");
    }
}

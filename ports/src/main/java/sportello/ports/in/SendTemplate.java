package sportello.ports.in;

import java.util.List;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.in.SendToCustomer.Outcome;
import sportello.ports.out.MessageTemplate;

/**
 * Driving port: staff (dashboard, API, command line) send an approved template, the only message WhatsApp delivers
 * outside the customer's 24-hour window. It goes through the durable outbox like every other message.
 */
public interface SendTemplate {

    /**
     * The approved templates to choose from.
     *
     * @throws sportello.ports.out.Templates.TemplatesUnavailable when the channel cannot list them
     */
    List<MessageTemplate> templates();

    /** Sends into an existing conversation; {@link UnknownConversation} if there is none. */
    Outcome send(ConversationId conversation, TemplateMessage template);

    /** Sends to a phone number or WhatsApp user id, starting a conversation if the customer never wrote. */
    Outcome sendTo(String to, TemplateMessage template);
}

package sportello.ports.in;

import sportello.domain.conversation.ConversationId;
import sportello.ports.out.OutboxEntry;

/** Driving port: a member of staff answers by hand; the conversation switches to staff mode. */
public interface SendStaffReply {
    OutboxEntry send(ConversationId conversation, String text);
}

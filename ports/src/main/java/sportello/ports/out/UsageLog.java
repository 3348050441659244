package sportello.ports.out;

import java.util.List;
import sportello.domain.conversation.ConversationId;

/** Driven port: keeps what the agent's model calls consumed, per conversation, for cost analytics. */
public interface UsageLog {

    void record(ConversationId conversation, List<Usage> usage);

    List<Usage> of(ConversationId conversation);
}

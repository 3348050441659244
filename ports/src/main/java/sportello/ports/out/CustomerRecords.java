package sportello.ports.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;

/**
 * Driven port: everything stored about one customer, for the GDPR rights of access and erasure. Erasing removes
 * messages, profile, usage rows, raw deliveries and inbox rows of that customer; analytics keep anonymous counts.
 * Both are recorded in an audit log.
 */
public interface CustomerRecords {

    /** Everything stored about the customer of this conversation; empty if unknown. */
    Optional<CustomerExport> export(ConversationId id);

    /** Erases the customer; returns how many rows of each kind were removed (empty map if unknown). */
    Map<String, Integer> erase(ConversationId id);

    void audit(AuditEntry entry);

    List<AuditEntry> auditLog();

    /** The conversation with its messages and profile, the model usage, and the raw deliveries received. */
    record CustomerExport(Conversation conversation, List<Usage> usage, List<String> rawMessages) {}

    /** Who did what to whose data, and when; {@code subject} is the conversation id, never personal data. */
    record AuditEntry(Instant at, String action, String subject, String actor) {}
}

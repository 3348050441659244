package sportello.ports.in;

import java.util.Map;
import java.util.Optional;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.CustomerRecords.CustomerExport;

/** Driving port: the GDPR rights of access and erasure, exercised by staff; every use is audited. */
public interface ManageCustomerData {

    Optional<CustomerExport> export(ConversationId customer, String actor);

    /** Erases everything about the customer; returns what was removed. */
    Map<String, Integer> erase(ConversationId customer, String actor);
}

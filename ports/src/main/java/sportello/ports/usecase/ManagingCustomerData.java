package sportello.ports.usecase;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import sportello.domain.conversation.ConversationId;
import sportello.ports.in.ManageCustomerData;
import sportello.ports.in.UnknownConversation;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.CustomerRecords;
import sportello.ports.out.CustomerRecords.AuditEntry;
import sportello.ports.out.CustomerRecords.CustomerExport;

/** Export and erasure with an audit entry each, naming the conversation id and the staff member, never the person. */
public final class ManagingCustomerData implements ManageCustomerData {

    private final CustomerRecords records;
    private final InstantSource clock;
    private final ConversationEvents events;

    public ManagingCustomerData(CustomerRecords records, InstantSource clock, ConversationEvents events) {
        this.records = records;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Optional<CustomerExport> export(ConversationId customer, String actor) {
        var export = records.export(customer);
        export.ifPresent(e -> records.audit(new AuditEntry(clock.instant(), "export", customer.value(), actor)));
        return export;
    }

    @Override
    public Map<String, Integer> erase(ConversationId customer, String actor) {
        var removed = records.erase(customer);
        if (removed.isEmpty()) {
            throw new UnknownConversation(customer);
        }
        records.audit(new AuditEntry(clock.instant(), "erase", customer.value(), actor));
        events.changed(customer);
        return removed;
    }
}

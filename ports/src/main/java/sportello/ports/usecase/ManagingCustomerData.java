package sportello.ports.usecase;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.ConversationId;
import sportello.ports.in.ManageCustomerData;
import sportello.ports.in.UnknownConversation;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.CustomerRecords;
import sportello.ports.out.CustomerRecords.AuditEntry;
import sportello.ports.out.CustomerRecords.CustomerExport;
import sportello.ports.out.MediaStore;

/** Export and erasure with an audit entry each, naming the conversation id and the staff member, never the person. */
public final class ManagingCustomerData implements ManageCustomerData {

    private final CustomerRecords records;
    private final InstantSource clock;
    private final ConversationEvents events;
    private final MediaStore media;

    public ManagingCustomerData(
            CustomerRecords records, MediaStore media, InstantSource clock, ConversationEvents events) {
        this.records = records;
        this.media = media;
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
        var files = records.export(customer).stream()
                .flatMap(export -> export.conversation().messages().stream())
                .flatMap(message -> message.attachmentValue().stream())
                .map(Attachment::mediaId)
                .toList();
        var removed = new LinkedHashMap<>(records.erase(customer));
        if (removed.isEmpty()) {
            throw new UnknownConversation(customer);
        }
        // after the rows: a crash in between leaves files nobody can reach, never messages without their files
        removed.put("media", media.delete(files));
        records.audit(new AuditEntry(clock.instant(), "erase", customer.value(), actor));
        events.changed(customer);
        return removed;
    }
}

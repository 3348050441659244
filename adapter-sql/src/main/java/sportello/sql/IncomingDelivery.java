package sportello.sql;

import java.util.List;
import java.util.Objects;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.StatusReport;
import sportello.ports.out.RawDelivery;

/** A webhook delivery to store: its bytes and what was read from them, or why they could not be read. */
public record IncomingDelivery(
        RawDelivery raw, List<CustomerMessage> messages, List<StatusReport> statuses, String unreadableReason) {

    public IncomingDelivery {
        Objects.requireNonNull(raw, "raw");
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
    }

    public static IncomingDelivery read(RawDelivery raw, List<CustomerMessage> messages, List<StatusReport> statuses) {
        return new IncomingDelivery(raw, messages, statuses, null);
    }

    public static IncomingDelivery unreadable(RawDelivery raw, String reason) {
        return new IncomingDelivery(raw, List.of(), List.of(), Objects.requireNonNull(reason, "reason"));
    }
}

package sportello.ports.in;

import java.util.List;
import sportello.ports.out.InboxEntry;

/**
 * Driving port: handle stored customer messages of one customer — record them, learn from them and, in bot mode,
 * answer them. Several messages typed in a quick burst are answered with one reply.
 */
public interface ReceiveCustomerMessage {

    void receive(List<InboxEntry> burst);

    /**
     * Shows messages in their conversation at once (and learns the profile from them) while the customer may still
     * be typing; the answer comes with {@link #receive} once the burst is over. Leaves the entries pending.
     */
    void record(List<InboxEntry> burst);

    default void receive(InboxEntry entry) {
        receive(List.of(entry));
    }
}

package sportello.ports.in;

import sportello.ports.out.InboxEntry;

/** Driving port: handle one stored customer message — record it, learn from it and, in bot mode, answer it. */
public interface ReceiveCustomerMessage {
    void receive(InboxEntry entry);
}

package sportello.ports.out;

import sportello.domain.conversation.CustomerMessage;

/** A stored customer message waiting to be processed. */
public record InboxEntry(long id, CustomerMessage message) {}

package sportello.ports.out;

import java.time.Instant;
import sportello.domain.conversation.CustomerMessage;

/** A stored customer message waiting to be processed, and when we stored it. */
public record InboxEntry(long id, CustomerMessage message, Instant receivedAt) {}

package sportello.postgres;

/**
 * First keys of the transaction-scoped advisory locks this adapter takes ({@code pg_advisory_xact_lock(space,
 * hashtext(key))}), one per kind of thing locked, all apart from {@link Presence#LOCK_SPACE}. A hash collision only
 * makes two unrelated writers wait for each other briefly; it never lets two writers of one thing in at once.
 */
final class Locks {

    /** The writers of one conversation. */
    static final int CONVERSATION = 0x53505201;

    /** Recording one message sent outside Sportello, by its channel id. */
    static final int ECHO = 0x53505202;

    /** Recomputing profile completeness when instances start with another schema. */
    static final int PROFILE_SCHEMA = 0x53505203;

    /** Claiming outgoing messages: claimers take turns, so each sees the conversations the others are sending to. */
    static final int OUTBOX_CLAIM = 0x53505204;

    /** Naming the file of one media id. */
    static final int MEDIA = 0x53505205;

    private Locks() {}
}

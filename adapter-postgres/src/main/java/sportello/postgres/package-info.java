/**
 * The storage ports on one PostgreSQL database that several Sportello instances share. {@link
 * sportello.postgres.PostgresDatabase} connects (from {@code DATABASE_URL}), migrates and joins the live instances;
 * the {@code Postgres*} classes implement the same ports, with the same semantics, as the SQLite adapter.
 *
 * <p>How work is shared, in short (the module's README has the whole design): each instance holds a session-level
 * advisory lock on a number of its own while it runs ({@link sportello.postgres.Presence}), so "alive" is exactly
 * "its lock is held". A customer's inbox messages are shown by {@code pending} only to the instance holding the
 * customer's lease ({@link sportello.postgres.CustomerLeases}), taken when free or held by a dead instance and given up
 * when the customer has nothing pending: one conversation is never processed by two instances at once. Outgoing
 * messages are claimed with {@code FOR UPDATE SKIP LOCKED} under the claimer's number, one conversation by one instance
 * at a time, and only a dead instance's claims count as interrupted sends. Writers of one conversation serialise on a
 * transaction-scoped advisory lock on its id.
 */
package sportello.postgres;

-- Sportello's durable state in one SQLite file.
-- Times are TEXT in one fixed-width UTC form (2026-11-25T09:00:00.000000000Z): lossless to the nanosecond,
-- readable in the sqlite3 shell, and ordered correctly by plain string comparison, so indexes on them work.
-- Enum-like columns hold the Java enum names, except send_state, whose lower-case values name outbox states.

-- Every webhook body exactly as received, also the ones we could not read, so nothing a channel sent is lost.
CREATE TABLE webhook_delivery (
    id                INTEGER PRIMARY KEY,
    channel           TEXT    NOT NULL,
    body              BLOB    NOT NULL,
    received_at       TEXT    NOT NULL,
    unreadable_reason TEXT
);

-- Customer messages waiting to be processed. The unique key makes a channel's redelivery a no-op.
-- AUTOINCREMENT: entry ids are handed to workers, so they must never be reused.
CREATE TABLE inbox_message (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id           INTEGER NOT NULL REFERENCES webhook_delivery (id),
    channel_account       TEXT    NOT NULL,
    channel_message_id    TEXT    NOT NULL,
    customer_key          TEXT    NOT NULL,
    customer_user_id      TEXT,
    customer_phone        TEXT,
    customer_display_name TEXT,
    kind                  TEXT    NOT NULL,
    text                  TEXT    NOT NULL,
    sent_at               TEXT    NOT NULL,
    raw                   TEXT    NOT NULL,
    state                 TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    failure_reason        TEXT,
    UNIQUE (channel_account, channel_message_id)
);

-- Workers poll for pending work; done rows pile up and must not slow that down.
CREATE INDEX inbox_message_pending ON inbox_message (id) WHERE state = 'pending';

-- Delivery reports as the channel sent them, also for messages not recorded yet (they can overtake our own
-- bookkeeping). One row per message and state: a repeated report changes nothing.
CREATE TABLE status_report (
    id                 INTEGER PRIMARY KEY,
    delivery_id        INTEGER REFERENCES webhook_delivery (id),
    channel_account    TEXT,
    channel_message_id TEXT    NOT NULL,
    state              TEXT    NOT NULL,
    at                 TEXT    NOT NULL,
    failure_reason     TEXT,
    correlation        TEXT,
    UNIQUE (channel_message_id, state)
);

-- Reports by channel_message_id are found through the unique index above.
-- Finds the reports of an in-doubt send, which we know only by the correlation we attached.
CREATE INDEX status_report_correlation ON status_report (correlation) WHERE correlation IS NOT NULL;

-- One row per customer conversation. last_message_* copy the newest message so the list needs no join.
CREATE TABLE conversation (
    id                TEXT PRIMARY KEY,
    customer_key      TEXT NOT NULL,
    user_id           TEXT,
    phone             TEXT,
    display_name      TEXT,
    mode              TEXT NOT NULL,
    attention_reason  TEXT,
    attention_since   TEXT,
    last_message_at   TEXT,
    last_message_text TEXT NOT NULL DEFAULT ''
);

CREATE INDEX conversation_user_id ON conversation (user_id);
CREATE INDEX conversation_phone ON conversation (phone);
CREATE INDEX conversation_last_message_at ON conversation (last_message_at);

-- Messages in both directions. Outbound rows are also the outbox: send_state and the columns after it are
-- set only for them, so a reply and its sending state can never disagree.
CREATE TABLE message (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT    NOT NULL UNIQUE,
    conversation_id    TEXT    NOT NULL REFERENCES conversation (id),
    channel_message_id TEXT,
    direction          TEXT    NOT NULL CHECK (direction IN ('IN', 'OUT')),
    author             TEXT    NOT NULL,
    kind               TEXT    NOT NULL,
    text               TEXT    NOT NULL,
    at                 TEXT    NOT NULL,
    -- inbound only: the delivery state the domain gave the message
    delivery_state     TEXT,
    delivery_failure   TEXT,
    -- outbound only
    send_state         TEXT CHECK (send_state IN ('queued', 'sending', 'in_doubt', 'accepted', 'failed')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    due_at             TEXT,
    in_reply_to        TEXT,
    last_error         TEXT,
    failure_reason     TEXT,
    CHECK ((direction = 'OUT') = (send_state IS NOT NULL))
);

-- A conversation's messages in order (seq, the rowid, is implicitly the last key column).
CREATE INDEX message_conversation_at ON message (conversation_id, at);
CREATE INDEX message_channel_message_id ON message (channel_message_id) WHERE channel_message_id IS NOT NULL;
-- At most one answer per customer message, even if two workers race to enqueue it.
CREATE UNIQUE INDEX message_in_reply_to ON message (in_reply_to) WHERE in_reply_to IS NOT NULL;
-- The senders' poll: queued or in-doubt rows whose time has come; also counts the backlog.
CREATE INDEX message_send_due ON message (send_state, due_at) WHERE send_state IS NOT NULL;

-- What the business knows about the customer of a conversation, one row per field.
CREATE TABLE profile_value (
    conversation_id TEXT NOT NULL REFERENCES conversation (id),
    field           TEXT NOT NULL,
    value           TEXT NOT NULL,
    source          TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    PRIMARY KEY (conversation_id, field)
) WITHOUT ROWID;

-- /health writes here to prove that a commit reaches the disk.
CREATE TABLE health_probe (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    checks INTEGER NOT NULL
);

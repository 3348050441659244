-- Data protection: messages older than the business keeps are forgotten (SqliteRetention), a customer can be erased
-- (SqliteCustomerRecords), and both leave behind only anonymous counts, so the analytics of past days do not change.

-- The anonymous counts. A time here is the start of its 15-minute slot, in the usual text form: every time zone in
-- use today is offset from UTC by a multiple of 15 minutes, so a day of any business zone starts on a slot boundary
-- and a slot falls on the same day as the rows it replaces, whatever zone the report is asked in. No column names a
-- conversation, a customer or what they wrote.

-- Forgotten messages, for "conversations active per day": a message counts on its day when the slot of the
-- conversation's message before it (prev_slot, NULL if none) is before the day's start, exactly as message.prev_at.
-- A message in the same slot as its predecessor is never a day's first, so it is not kept.
CREATE TABLE erased_activity (
    slot      TEXT    NOT NULL,
    prev_slot TEXT,
    n         INTEGER NOT NULL
);

CREATE INDEX erased_activity_slot ON erased_activity (slot, prev_slot, n);

-- Forgotten customer messages, by kind.
CREATE TABLE erased_inbound (
    slot TEXT    NOT NULL,
    kind TEXT    NOT NULL,
    n    INTEGER NOT NULL
);

CREATE INDEX erased_inbound_kind ON erased_inbound (kind, slot, n);

-- Answered turns of erased customers: who answered and how fast.
CREATE TABLE erased_turn (
    asked_slot     TEXT    NOT NULL,
    answered_by    TEXT    NOT NULL,
    response_nanos INTEGER NOT NULL
);

CREATE INDEX erased_turn_asked_slot ON erased_turn (asked_slot, answered_by, response_nanos);

-- Attention flags of erased customers, by the part of the reason Sportello writes: the text before the first ':'
-- (after it comes the model's or the channel's own words, which may name the customer).
CREATE TABLE erased_handoff (
    slot   TEXT    NOT NULL,
    reason TEXT    NOT NULL,
    n      INTEGER NOT NULL
);

CREATE INDEX erased_handoff_slot ON erased_handoff (slot, reason, n);

-- Model calls made for erased customers: what they consumed and cost (exact decimal text, as in model_usage).
CREATE TABLE erased_usage (
    slot          TEXT    NOT NULL,
    input_tokens  INTEGER NOT NULL,
    cached_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cost_usd      TEXT    NOT NULL
);

CREATE INDEX erased_usage_slot ON erased_usage (slot, input_tokens, cached_tokens, output_tokens, cost_usd);

-- Who exported or erased whose data, and when. subject is a conversation id, never personal data, so the log
-- survives the erasure it records.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    actor   TEXT NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at);

-- Retention and erasure ask whether a raw delivery is still referenced, and retention finds the handled inbox rows
-- and the deliveries of a time range.
CREATE INDEX inbox_message_delivery ON inbox_message (delivery_id);
CREATE INDEX inbox_message_handled ON inbox_message (sent_at) WHERE state <> 'pending';
CREATE INDEX status_report_delivery ON status_report (delivery_id) WHERE delivery_id IS NOT NULL;
CREATE INDEX webhook_delivery_received_at ON webhook_delivery (received_at);

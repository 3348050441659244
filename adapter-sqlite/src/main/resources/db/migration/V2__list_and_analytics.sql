-- The conversation list's search and filters, unread counts, handoff history and model usage.
-- Everything the list filters or shows is copied onto the conversation row by SqliteConversations.save, so a
-- page of 100,000 conversations is read from one index without joins or sorting.

-- last_inbound_at: the customer's newest message (24-hour window filter).
-- profile_name: the profile's name, shown instead of the channel's display name.
-- profile_complete: every required field of the profile schema has a value (1) or not (0); recomputed on start
--   when the schema's required fields change (profile_requirement below).
-- search_text: lower-case display name, profile name, phone, user id, profile e-mail, phone and order number,
--   separated by char(31), so one substring test on one indexed column finds any of them.
-- staff_seen_at, unread: when staff last opened the conversation, and how many customer messages came after.
ALTER TABLE conversation ADD COLUMN last_inbound_at TEXT;
ALTER TABLE conversation ADD COLUMN profile_name TEXT;
ALTER TABLE conversation ADD COLUMN profile_complete INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversation ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE conversation ADD COLUMN staff_seen_at TEXT;
ALTER TABLE conversation ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;

-- Conversations stored before this migration. SQLite's lower() folds ASCII only; the next save of a
-- conversation rewrites its search_text with full Unicode case folding.
UPDATE conversation
SET last_inbound_at = (SELECT max(at) FROM message WHERE conversation_id = conversation.id AND direction = 'IN'),
    unread          = (SELECT count(*) FROM message WHERE conversation_id = conversation.id AND direction = 'IN'),
    profile_name    = (SELECT value FROM profile_value WHERE conversation_id = conversation.id AND field = 'name'),
    search_text     = lower(concat_ws(char(31), display_name,
        (SELECT value FROM profile_value WHERE conversation_id = conversation.id AND field = 'name'),
        phone, user_id,
        (SELECT value FROM profile_value WHERE conversation_id = conversation.id AND field = 'email'),
        (SELECT value FROM profile_value WHERE conversation_id = conversation.id AND field = 'phone'),
        (SELECT value FROM profile_value WHERE conversation_id = conversation.id AND field = 'orderNumber')));

-- The required fields profile_complete was computed with (sorted, comma-separated); no row means never.
CREATE TABLE profile_requirement (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    required_fields TEXT NOT NULL
);

-- The list in order of recent activity. Every filter column is in the index, so filters, search and count are
-- checked on index entries and only the rows of the page are read from the table. id breaks ties, so paging is
-- stable. It replaces the V1 index, which it covers.
DROP INDEX conversation_last_message_at;
CREATE INDEX conversation_list
    ON conversation (last_message_at, id, mode, profile_complete, last_inbound_at, search_text);
-- "Needs attention" is a handful of rows: a partial index lists them without walking the others.
CREATE INDEX conversation_attention ON conversation (last_message_at, id) WHERE attention_reason IS NOT NULL;

-- Analytics over a range of days. prev_at is the time of the conversation's message just before this one (in
-- the order at, seq), kept by the adapter on every insert. A message is its conversation's first of a day exactly
-- when prev_at is before that day's start, so "conversations active per day" is a plain range count over
-- message_at, with no DISTINCT, whatever the time zone of the days.
ALTER TABLE message ADD COLUMN prev_at TEXT;

UPDATE message SET prev_at = earlier.prev_at
FROM (SELECT seq, lag(at) OVER (PARTITION BY conversation_id ORDER BY at, seq) AS prev_at FROM message) AS earlier
WHERE message.seq = earlier.seq AND earlier.prev_at IS NOT NULL;

CREATE INDEX message_at ON message (at, prev_at);
-- What customers sent: one range count per kind.
CREATE INDEX message_inbound_kind ON message (kind, at) WHERE direction = 'IN';

-- Each time a customer waited for us: opened by their first message asking for an answer (not a reaction,
-- sticker or system notice) after our last message, closed by our next message, which says who answered and
-- how fast. Kept by the adapter as messages are stored, so response times read only the range's turns.
CREATE TABLE customer_turn (
    id              INTEGER PRIMARY KEY,
    conversation_id TEXT    NOT NULL REFERENCES conversation (id),
    asked_at        TEXT    NOT NULL,
    answered_at     TEXT,
    answered_by     TEXT,
    response_nanos  INTEGER,
    CHECK ((answered_at IS NULL) = (answered_by IS NULL) AND (answered_at IS NULL) = (response_nanos IS NULL))
);

-- At most one open turn per conversation; also how an answer finds the turn it closes.
CREATE UNIQUE INDEX customer_turn_open ON customer_turn (conversation_id) WHERE answered_at IS NULL;
-- Response times of a range, from the index alone.
CREATE INDEX customer_turn_asked_at ON customer_turn (asked_at, answered_by, response_nanos);

-- Turns of the conversations stored before this migration: a customer message opens one if the message before
-- it (among ours and the customer's questions) is ours or there is none; the next message of ours closes it.
INSERT INTO customer_turn (conversation_id, asked_at, answered_at, answered_by, response_nanos)
WITH step AS (
    SELECT conversation_id, at, direction,
           lag(direction) OVER (PARTITION BY conversation_id ORDER BY at, seq) AS previous,
           min(CASE WHEN direction = 'OUT' THEN at || ' ' || author END)
               OVER (PARTITION BY conversation_id ORDER BY at DESC, seq DESC ROWS UNBOUNDED PRECEDING) AS answer
    FROM message
    WHERE direction = 'OUT' OR kind NOT IN ('STICKER', 'REACTION', 'SYSTEM')
), turn AS (
    SELECT conversation_id, at AS asked_at, substr(answer, 1, 30) AS answered_at, substr(answer, 32) AS answered_by
    FROM step
    WHERE direction = 'IN' AND (previous IS NULL OR previous = 'OUT')
)
SELECT conversation_id, asked_at, answered_at, answered_by,
       CASE WHEN answered_at IS NOT NULL THEN
           (unixepoch(substr(answered_at, 1, 19)) - unixepoch(substr(asked_at, 1, 19))) * 1000000000
           + CAST(substr(answered_at, 21, 9) AS INTEGER) - CAST(substr(asked_at, 21, 9) AS INTEGER)
       END
FROM turn;

-- Every time a conversation was flagged for staff, with the reason, for the handoff figures.
CREATE TABLE attention_event (
    id              INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversation (id),
    reason          TEXT NOT NULL,
    at              TEXT NOT NULL
);

CREATE INDEX attention_event_at ON attention_event (at, reason);

INSERT INTO attention_event (conversation_id, reason, at)
SELECT id, attention_reason, attention_since FROM conversation WHERE attention_reason IS NOT NULL;

-- What each call to the agent's model consumed. cost_usd is the exact decimal as text (BigDecimal.toString):
-- SQLite has no decimal type and its sum() would round through floating point, so costs are added in Java.
-- No foreign key: a call costs money even if its conversation is never stored.
CREATE TABLE model_usage (
    id              INTEGER PRIMARY KEY,
    conversation_id TEXT    NOT NULL,
    model           TEXT    NOT NULL,
    input_tokens    INTEGER NOT NULL,
    cached_tokens   INTEGER NOT NULL,
    output_tokens   INTEGER NOT NULL,
    cost_usd        TEXT    NOT NULL,
    at              TEXT    NOT NULL
);

CREATE INDEX model_usage_conversation ON model_usage (conversation_id);
-- Covering: the usage per day reads the range from the index alone.
CREATE INDEX model_usage_at ON model_usage (at, input_tokens, cached_tokens, output_tokens, cost_usd);

-- The channel's word on the customer-service window. window_closed_at: when the channel last refused a free-form
-- message of ours as outside the 24-hour window (WhatsApp error 131047); NULL if it never did, as for every
-- conversation stored before this migration. The window then ends there instead of 24 hours after the customer's
-- last message, unless the customer wrote again since, which opens a new one (ServiceWindow.after).
ALTER TABLE conversation ADD COLUMN window_closed_at TEXT;

-- The window filter of the list now reads window_closed_at too: the list index gets it, so filters and count are
-- still checked on index entries alone. Otherwise as in V2.
DROP INDEX conversation_list;
CREATE INDEX conversation_list
    ON conversation (last_message_at, id, mode, profile_complete, last_inbound_at, window_closed_at, search_text);

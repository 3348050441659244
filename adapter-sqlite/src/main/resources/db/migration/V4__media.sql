-- Files customers send (photos, voice notes, videos, documents). A message names its file by the channel's media id;
-- the bytes are kept on disk beside the database (DATA_DIR/media) by SqliteMediaStore, because the channel's copy
-- expires after days. Also, after the files: the templates the business sends, which message a customer message is
-- about, and what the channel says our messages cost.

-- The attachment of a customer message as the channel described it: media id, mime type and, for documents, the
-- file name the customer gave it. All three are NULL for a message without a file, as for every row stored before
-- this migration. Outbound messages never have one.
ALTER TABLE inbox_message ADD COLUMN media_id TEXT;
ALTER TABLE inbox_message ADD COLUMN media_mime_type TEXT;
ALTER TABLE inbox_message ADD COLUMN media_file_name TEXT;

ALTER TABLE message ADD COLUMN media_id TEXT;
ALTER TABLE message ADD COLUMN media_mime_type TEXT;
ALTER TABLE message ADD COLUMN media_file_name TEXT;

-- The files stored completely. A row is written only after its file is on disk under file_name, and a file never
-- changes once named here (saving the same media id again writes a new file and moves the row to it), so a file on
-- disk without a row is an interrupted or abandoned write and is never served.
-- file_name: relative to the media directory, made by the adapter from a hash of the media id, never from the id
-- itself, which comes from outside. sha256: lower-case hex of the content, computed while writing it.
-- No foreign key to message: the file is stored before its message is, and erasure and retention forget files
-- and messages separately (see ManagingCustomerData and ApplyingRetention).
CREATE TABLE media_file (
    media_id  TEXT    PRIMARY KEY,
    mime_type TEXT    NOT NULL,
    size      INTEGER NOT NULL CHECK (size >= 0),
    sha256    TEXT    NOT NULL,
    stored_at TEXT    NOT NULL,
    file_name TEXT    NOT NULL UNIQUE
);

-- Retention forgets files by the time they were stored.
CREATE INDEX media_file_stored_at ON media_file (stored_at);

-- Template messages: approved templates the business may send once the customer's 24-hour window has closed. The
-- row's kind is TEMPLATE and its text is how the template reads in the conversation; the template itself is what
-- the sender sends: its name, language and body parameters in order, as a JSON array of strings. All three are set
-- for a TEMPLATE row and NULL for every other message, as for every row stored before this migration. The check
-- sits on the last column added because SQLite cannot add a table constraint; it tests the rows already stored.
ALTER TABLE message ADD COLUMN template_name TEXT;
ALTER TABLE message ADD COLUMN template_language TEXT;
ALTER TABLE message ADD COLUMN template_parameters TEXT
    CHECK ((template_parameters IS NULL) = (kind <> 'TEMPLATE')
           AND (template_parameters IS NULL) = (template_name IS NULL)
           AND (template_parameters IS NULL) = (template_language IS NULL)
           AND (template_parameters IS NULL
                OR (json_valid(template_parameters) AND json_type(template_parameters) = 'array')));

-- The channel id of the message a customer message is about (the one it edits, deletes, reacts to or quotes); NULL for
-- the others, as for every row stored before this migration. The inbox keeps it for the worker that reads the message
-- into its conversation; the conversation's message rows do not keep it (a deletion's text already names what it
-- deleted).
ALTER TABLE inbox_message ADD COLUMN refers_to TEXT;

-- What the channel says a message we sent costs, as it reported it with a status: pricing model, type (whether it is
-- charged) and category. All three are NULL when the report said nothing, as for every row stored before this
-- migration, and all three are set otherwise (possibly to '', when the channel left one out).
ALTER TABLE status_report ADD COLUMN pricing_model TEXT;
ALTER TABLE status_report ADD COLUMN pricing_type TEXT;
ALTER TABLE status_report ADD COLUMN pricing_category TEXT
    CHECK ((pricing_category IS NULL) = (pricing_model IS NULL)
           AND (pricing_category IS NULL) = (pricing_type IS NULL));

-- Priced messages per category, charged or free: the channel prices one message in several reports (sent, delivered),
-- so a message is counted once, on its earliest priced report. This index holds the priced reports of a range; the
-- earlier reports of the same message are looked up through the unique key (channel_message_id, state).
CREATE INDEX status_report_priced
    ON status_report (at, pricing_model, pricing_type, pricing_category, channel_message_id)
    WHERE pricing_type IS NOT NULL;

-- Priced messages whose reports were forgotten or erased, counted on the slot of the report they were counted on (as
-- the erased_* tables of V3): no column says whose message it was.
CREATE TABLE erased_pricing (
    slot             TEXT    NOT NULL,
    pricing_model    TEXT    NOT NULL,
    pricing_type     TEXT    NOT NULL,
    pricing_category TEXT    NOT NULL,
    n                INTEGER NOT NULL
);

CREATE INDEX erased_pricing_slot ON erased_pricing (slot, pricing_model, pricing_type, pricing_category, n);

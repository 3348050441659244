-- The values of a template's header and buttons, for templates that need them. template_header: a JSON array
-- [format, value], e.g. ["IMAGE", "https://…"]; template_buttons: a JSON array of [index, kind, value] triples laid
-- out flat, e.g. ["1", "URL", "58213"]. Both NULL for every other message and for templates stored before this
-- migration, which had body values only.
ALTER TABLE message ADD COLUMN template_header TEXT;
ALTER TABLE message ADD COLUMN template_buttons TEXT;

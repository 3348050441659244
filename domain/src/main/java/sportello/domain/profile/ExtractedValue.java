package sportello.domain.profile;

/** A value the extractor found in a message for a profile field, not yet checked against the field's rules. */
public record ExtractedValue(String field, String raw) {}

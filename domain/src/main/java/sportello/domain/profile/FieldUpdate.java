package sportello.domain.profile;

/** What happened when a value was offered to the profile. */
public sealed interface FieldUpdate {

    String field();

    record Stored(String field, ProfileValue value) implements FieldUpdate {}

    record Unchanged(String field) implements FieldUpdate {}

    record Rejected(String field, String offered, String reason) implements FieldUpdate {}
}

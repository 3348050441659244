package sportello.domain.profile;

/** The result of checking a raw value against a field: normalised and valid, or rejected with a reason. */
public sealed interface FieldCheck {

    record Valid(String normalized) implements FieldCheck {}

    record Invalid(String reason) implements FieldCheck {}
}

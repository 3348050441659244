package sportello.domain.profile;

/** Checks and normalises a raw value for a field, by the field's type and pattern. */
public final class FieldRules {

    private static final int MAX_LENGTH = 200;

    private FieldRules() {}

    public static FieldCheck check(FieldDefinition field, String raw) {
        if (raw == null || raw.isBlank()) {
            return new FieldCheck.Invalid(field.label() + " is empty");
        }
        String value = raw.strip();
        if (value.length() > MAX_LENGTH) {
            return new FieldCheck.Invalid(field.label() + " is longer than " + MAX_LENGTH + " characters");
        }
        FieldCheck typed = switch (field.type()) {
            case TEXT -> new FieldCheck.Valid(value);
            case NAME -> PersonName.check(value);
            case EMAIL -> EmailAddress.check(value);
            case PHONE -> PhoneNumber.check(value);
            case ORDER_NUMBER -> OrderNumber.check(value);
        };
        if (typed instanceof FieldCheck.Valid(var normalized)
                && field.pattern() != null
                && !field.pattern().matcher(normalized).matches()) {
            return new FieldCheck.Invalid(
                    field.label() + " '" + normalized + "' does not match the expected format " + field.pattern());
        }
        return typed;
    }
}

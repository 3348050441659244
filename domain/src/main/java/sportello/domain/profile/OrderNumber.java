package sportello.domain.profile;

import java.util.Locale;

/** Order numbers are kept as written, upper-cased and without a leading '#' or surrounding spaces. */
final class OrderNumber {

    private OrderNumber() {}

    static FieldCheck check(String value) {
        String normalized = value.strip().replaceFirst("^#", "").toUpperCase(Locale.ROOT);
        if (!normalized.matches("[A-Z0-9][A-Z0-9\\-/_.]{1,39}")) {
            return new FieldCheck.Invalid("'" + value + "' is not a valid order number");
        }
        return new FieldCheck.Valid(normalized);
    }
}

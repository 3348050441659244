package sportello.domain.profile;

import java.util.regex.Pattern;

/**
 * A person's name as they would write it: letters, spaces, apostrophes (straight or typographic, as phones type
 * them), dots and hyphens.
 */
final class PersonName {

    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’ .\\-]{0,99}");

    private PersonName() {}

    static FieldCheck check(String value) {
        String collapsed = value.replaceAll("\\s+", " ");
        if (!NAME.matcher(collapsed).matches()) {
            return new FieldCheck.Invalid("'" + value + "' does not look like a person's name");
        }
        return new FieldCheck.Valid(collapsed);
    }
}

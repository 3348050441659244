package sportello.domain.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One field of a business's customer profile. {@code pattern}, when set, is a regular expression a value must
 * match in full (for order numbers it is also what the extractor looks for in message text).
 */
public record FieldDefinition(String name, String label, FieldType type, Pattern pattern, boolean required) {

    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException(
                    "profile field name '" + name + "' must start with a letter and use only letters, digits and _");
        }
        label = label == null || label.isBlank() ? name : label;
    }

    public static FieldDefinition of(String name, FieldType type, boolean required) {
        return new FieldDefinition(name, name, type, null, required);
    }

    public Optional<Pattern> patternValue() {
        return Optional.ofNullable(pattern);
    }
}

package sportello.domain.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds profile values in what a customer wrote, deterministically: e-mail addresses, phone numbers, order
 * numbers by the business's pattern, a name when the customer introduces themselves ("mi chiamo…", "my name
 * is…"), and custom fields that have a pattern. Only values that pass the field's {@link FieldRules} are returned,
 * in schema order; for e-mail every address found, for the other fields the first one.
 */
public final class ProfileExtractor {

    private ProfileExtractor() {}

    public static List<ExtractedValue> extract(String text, ProfileSchema schema) {
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        var emails = EmailFinder.find(text);
        var orderNumbers = new HashMap<String, List<Found>>();
        for (FieldDefinition field : schema.fields()) {
            if (field.type() == FieldType.ORDER_NUMBER) {
                orderNumbers.put(field.name(), orderNumbers(text, field, emails));
            }
        }
        var taken = new ArrayList<Found>(emails);
        orderNumbers.values().forEach(taken::addAll);
        var phones = PhoneFinder.find(text, taken);
        var name = NameFinder.find(text);

        var found = new ArrayList<ExtractedValue>();
        for (FieldDefinition field : schema.fields()) {
            var candidates = switch (field.type()) {
                case EMAIL -> emails;
                case PHONE -> phones;
                case NAME -> name.stream().toList();
                case ORDER_NUMBER -> orderNumbers.get(field.name());
                case TEXT -> field.pattern() == null ? List.<Found>of() : byPattern(text, field.pattern());
            };
            var valid = new LinkedHashSet<String>();
            for (Found candidate : candidates) {
                if (FieldRules.check(field, candidate.value()) instanceof FieldCheck.Valid(var normalized)) {
                    valid.add(normalized);
                }
            }
            var values = field.type() == FieldType.EMAIL
                    ? List.copyOf(valid)
                    : valid.stream().limit(1).toList();
            values.forEach(value -> found.add(new ExtractedValue(field.name(), value)));
        }
        return found;
    }

    private static List<Found> orderNumbers(String text, FieldDefinition field, List<Found> emails) {
        var pattern = field.patternValue().orElse(ProfileSchema.DEFAULT_ORDER_NUMBER);
        return new OrderNumberFinder(pattern)
                .find(text).stream()
                        .filter(o -> emails.stream().noneMatch(e -> e.overlaps(o.start(), o.end())))
                        .filter(o -> FieldRules.check(field, o.value()) instanceof FieldCheck.Valid)
                        .toList();
    }

    /** A custom field's own pattern, found as a whole word. */
    private static List<Found> byPattern(String text, Pattern pattern) {
        String word = "(?<![\\p{L}\\p{N}_])(?:" + Patterns.unanchored(pattern.pattern()) + ")(?![\\p{L}\\p{N}_])";
        Matcher m = Pattern.compile(word, pattern.flags()).matcher(text);
        var found = new ArrayList<Found>();
        while (m.find()) {
            found.add(new Found(m.group(), m.start(), m.end()));
        }
        return found;
    }
}

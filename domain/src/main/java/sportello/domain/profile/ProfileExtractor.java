package sportello.domain.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds profile values in what a customer wrote, deterministically: e-mail addresses, phone numbers, order
 * numbers by the business's pattern, a name when the customer introduces themselves ("mi chiamo…", "my name
 * is…"), and custom fields that have a pattern. Everything it finds still goes through {@link FieldRules}.
 */
public final class ProfileExtractor {

    private static final Pattern EMAIL =
            Pattern.compile("(?<![A-Za-z0-9._%+-])" + EmailAddress.LOCAL + "@" + EmailAddress.DOMAIN);
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+|00)?\\d[\\d\\s.\\-/()]{6,18}\\d(?!\\w)");
    private static final Pattern NAME_INTRO =
            Pattern.compile("(?iu)\\b(?:mi chiamo|il mio nome è|il mio nome e'|sono|my name is|i am|i'm|this is)\\s+"
                    + "(\\p{Lu}[\\p{L}'\\-]+(?:\\s+\\p{Lu}[\\p{L}'\\-]+){0,3})");
    private static final Pattern ORDER_CUE = Pattern.compile(
            "(?iu)\\b(?:ordine|order|ord\\.|n\\.|nr\\.|numero|number|#)\\s*(?:n\\.|nr\\.|numero|number|no\\.|#|:)?\\s*$");

    private ProfileExtractor() {}

    public static List<ExtractedValue> extract(String text, ProfileSchema schema) {
        var found = new ArrayList<ExtractedValue>();
        if (text == null || text.isBlank()) {
            return found;
        }
        var emailSpans = new ArrayList<int[]>();
        for (FieldDefinition field : schema.fields()) {
            switch (field.type()) {
                case EMAIL -> {
                    Matcher m = EMAIL.matcher(text);
                    while (m.find()) {
                        found.add(new ExtractedValue(field.name(), m.group()));
                        emailSpans.add(new int[] {m.start(), m.end()});
                    }
                }
                case NAME -> {
                    Matcher m = NAME_INTRO.matcher(text);
                    if (m.find() && !looksLikeCommonWord(m.group(1))) {
                        found.add(new ExtractedValue(field.name(), m.group(1)));
                    }
                }
                case ORDER_NUMBER -> extractOrderNumbers(text, field, found);
                case TEXT -> {
                    if (field.pattern() != null) {
                        Matcher m = field.pattern().matcher(text);
                        if (m.find()) {
                            found.add(new ExtractedValue(field.name(), m.group()));
                        }
                    }
                }
                case PHONE -> {}
            }
        }
        schema.fields().stream()
                .filter(f -> f.type() == FieldType.PHONE)
                .forEach(field -> extractPhones(text, field, found, emailSpans, schema));
        return found;
    }

    private static void extractOrderNumbers(String text, FieldDefinition field, List<ExtractedValue> found) {
        Pattern pattern = field.pattern() != null ? field.pattern() : ProfileSchema.DEFAULT_ORDER_NUMBER;
        Matcher m = Pattern.compile("(?<![\\w+@.])#?(" + pattern.pattern() + ")(?![\\w@])", Pattern.CASE_INSENSITIVE)
                .matcher(text);
        while (m.find()) {
            String candidate = m.group(1);
            boolean cued = ORDER_CUE.matcher(text.substring(0, m.start())).find()
                    || m.group().startsWith("#");
            boolean hasLetters = candidate.chars().anyMatch(Character::isLetter);
            if (cued || hasLetters) {
                found.add(new ExtractedValue(field.name(), candidate.toUpperCase(Locale.ROOT)));
                return;
            }
        }
    }

    private static void extractPhones(
            String text,
            FieldDefinition field,
            List<ExtractedValue> found,
            List<int[]> emailSpans,
            ProfileSchema schema) {
        var orderNumbers = found.stream()
                .filter(v -> schema.field(v.field())
                        .map(f -> f.type() == FieldType.ORDER_NUMBER)
                        .orElse(false))
                .map(ExtractedValue::raw)
                .toList();
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            int start = m.start();
            if (emailSpans.stream().anyMatch(span -> start >= span[0] && start < span[1])) {
                continue;
            }
            String candidate = m.group().strip();
            String digits = candidate.replaceAll("\\D", "");
            if (orderNumbers.stream().anyMatch(o -> o.replaceAll("\\D", "").equals(digits))) {
                continue;
            }
            if (PhoneNumber.check(candidate) instanceof FieldCheck.Valid) {
                found.add(new ExtractedValue(field.name(), candidate));
                return;
            }
        }
    }

    private static boolean looksLikeCommonWord(String candidate) {
        String first = candidate.split("\\s+")[0].toLowerCase(Locale.ROOT);
        return List.of("qui", "io", "contento", "contenta", "interessato", "interessata", "here", "looking")
                .contains(first);
    }
}

package sportello.domain.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds order numbers by the business's pattern. Digits alone are taken only after a cue ("ordine", "order",
 * "n.", "#", "numero d'ordine"), since a bare number may as well be a postcode, a quantity or a date; a code
 * with capital letters (AB-12345) is taken without a cue unless the words before it name something else.
 */
final class OrderNumberFinder {

    private static final int VALUE = 2; // group 1 is the optional '#'; the business's own groups come after

    /** A number followed by a unit is a quantity or an amount, whatever stood before it. */
    private static final Pattern UNIT_AFTER = Pattern.compile(
            "(?iu)^\\s*(?:pezzi|pz|pcs|pieces|units|items|articoli|euro|eur|€|usd|\\$|kg|gr|ml|cm|mm|km|%)(?![\\p{L}])");

    private final Pattern finder;

    OrderNumberFinder(Pattern orderNumber) {
        this.finder = Pattern.compile(
                "(?<![\\p{L}\\p{N}_+@])(?<!\\p{N}[.,/\\-])(#\\s?)?(" + Patterns.unanchored(orderNumber.pattern())
                        + ")(?![\\p{L}\\p{N}_@])(?![.,:]\\p{N})(?![/\\-][\\p{L}\\p{N}])",
                orderNumber.flags() | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    List<Found> find(String text) {
        var found = new ArrayList<Found>();
        Matcher m = finder.matcher(text);
        while (m.find()) {
            String candidate = m.group(VALUE);
            if (candidate.isEmpty() || followedByUnit(text, m.end())) {
                continue;
            }
            var cue = Cues.before(text, m.start());
            boolean hashed = m.group(1) != null;
            boolean cued = hashed || cue == Cues.Cue.ORDER;
            boolean codeAsWritten = isCode(candidate) && cue != Cues.Cue.SOMETHING_ELSE && cue != Cues.Cue.PHONE;
            if (cued || codeAsWritten) {
                found.add(new Found(candidate.toUpperCase(Locale.ROOT), m.start(), m.end()));
            }
        }
        return found;
    }

    private static boolean followedByUnit(String text, int end) {
        return UNIT_AFTER
                .matcher(text.substring(end, Math.min(text.length(), end + 12)))
                .find();
    }

    /** Capital letters and digits as written, like "AB-12345": a code rather than a word or a plain number. */
    private static boolean isCode(String candidate) {
        boolean upper = candidate.chars().anyMatch(Character::isUpperCase);
        boolean lower = candidate.chars().anyMatch(Character::isLowerCase);
        boolean digit = candidate.chars().anyMatch(Character::isDigit);
        return upper && !lower && digit;
    }
}

package sportello.domain.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds phone numbers in free text and normalises them to E.164. It reads runs of digits joined by the separators
 * people type (spaces, dots, dashes, slashes, brackets), then throws out what only looks like a phone: dates,
 * thousands, numbers after a cue for something else (order, tracking, IBAN, postcode, price), and Italian
 * landline-like numbers of unusual length nobody announced as a phone.
 */
final class PhoneFinder {

    private static final int MAX_DIGITS = 15; // E.164
    private static final int MIN_DIGITS = 6;
    private static final int MIN_UNANNOUNCED_LANDLINE_DIGITS = 8;
    private static final int MAX_UNANNOUNCED_LANDLINE_DIGITS = 10; // 11 digits from 0 is more often a VAT number

    private static final Pattern DATE = Pattern.compile("\\d{1,4}([./\\-])\\d{1,2}\\1\\d{1,4}");
    /** "3014112026" read across "10:30 14/11/2026": a date inside a run is never part of a phone number. */
    private static final Pattern SLASHED_DATE = Pattern.compile("(?<!\\d)\\d{1,4}([/\\-])\\d{1,2}\\1\\d{1,4}(?!\\d)");

    /**
     * "393 6388437 10" is the mobile 393 638 8437 followed by something else, not +39 363 884 3710: without a '+',
     * a leading 39 is a country code only when written apart ("39 347…") or in one unbroken block ("393471234567").
     */
    private static final Pattern COUNTRY_CODE_GLUED_TO_NUMBER = Pattern.compile("39\\d+[ .\\-/()]");

    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+");
    /** "3.4.1234567", "1) 347…": no national number starts with a lone digit; versions and list items do. */
    private static final Pattern SINGLE_DIGIT_FIRST_GROUP = Pattern.compile("\\(?\\d[^\\d]");

    private PhoneFinder() {}

    static List<Found> find(String text, List<Found> taken) {
        var found = new ArrayList<Found>();
        int i = 0;
        while (i < text.length()) {
            if (!canStartAt(text, i)) {
                i++;
                continue;
            }
            int end = endOfRun(text, i);
            if (end < 0) {
                i++;
                continue;
            }
            int resume = skipGluedRest(text, end);
            int usableEnd = resume == end ? end : lastDigitBeforeSpace(text, i, end); // "347… 49,90": drop "49"
            acceptWholeOrLeading(text, i, usableEnd, taken).ifPresent(found::add);
            i = Math.max(resume, i + 1);
        }
        return found;
    }

    /**
     * The whole run, or else its longest leading part that ends at a space: in "3471234567 14/11/2026" the phone
     * is followed by a date. Only leading parts: a number picked from the middle of a longer one is a guess.
     */
    private static Optional<Found> acceptWholeOrLeading(String text, int start, int end, List<Found> taken) {
        int partEnd = withinLongestNumber(text, start, end);
        while (partEnd > start) {
            var accepted = accept(text, start, partEnd, taken);
            if (accepted.isPresent()) {
                return accepted;
            }
            partEnd = lastDigitBeforeSpace(text, start, partEnd);
        }
        return Optional.empty();
    }

    /** {@code end}, or if the run holds more digits than any phone number, the end of a leading part that does not. */
    private static int withinLongestNumber(String text, int start, int end) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (isDigit(text.charAt(i)) && ++digits > MAX_DIGITS + 2) {
                return lastDigitBeforeSpace(text, start, i);
            }
        }
        return end;
    }

    /** The end of the last digit before the last space in [start, end), or {@code start} if there is none. */
    private static int lastDigitBeforeSpace(String text, int start, int end) {
        int space = end - 1;
        while (space > start && text.charAt(space) != ' ' && text.charAt(space) != '\u00A0') {
            space--;
        }
        int digitEnd = space;
        while (digitEnd > start && !isDigit(text.charAt(digitEnd - 1))) {
            digitEnd--;
        }
        return digitEnd;
    }

    private static Optional<Found> accept(String text, int start, int end, List<Found> taken) {
        String candidate = text.substring(start, end);
        String digits = candidate.replaceAll("\\D", "");
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS + 2) {
            return Optional.empty();
        }
        if (DATE.matcher(candidate).matches()
                || SLASHED_DATE.matcher(candidate).find()
                || THOUSANDS.matcher(candidate).matches()
                || (!candidate.startsWith("+")
                        && SINGLE_DIGIT_FIRST_GROUP.matcher(candidate).lookingAt())) {
            return Optional.empty();
        }
        if (taken.stream().anyMatch(t -> t.overlaps(start, end))) {
            return Optional.empty();
        }
        var cue = Cues.before(text, start);
        boolean withPlus = candidate.startsWith("+") || candidate.startsWith("(+");
        if (!withPlus && (cue == Cues.Cue.ORDER || cue == Cues.Cue.SOMETHING_ELSE)) {
            return Optional.empty(); // "+39 …" is a phone whatever precedes it; "0034 …" after "tracking" is not
        }
        if (digits.length() > 10
                && COUNTRY_CODE_GLUED_TO_NUMBER.matcher(candidate).lookingAt()) {
            return Optional.empty();
        }
        if (!(PhoneNumber.check(candidate) instanceof FieldCheck.Valid(var normalized))) {
            return Optional.empty();
        }
        boolean international = withPlus || digits.startsWith("00");
        boolean unusualLandline = !international
                && normalized.startsWith("+390")
                && (digits.length() < MIN_UNANNOUNCED_LANDLINE_DIGITS
                        || digits.length() > MAX_UNANNOUNCED_LANDLINE_DIGITS);
        if (unusualLandline && cue != Cues.Cue.PHONE) {
            return Optional.empty();
        }
        return Optional.of(new Found(normalized, start, end));
    }

    /** A number starts with a digit, '+' or '(' and never inside a word, an amount, a time or another number. */
    private static boolean canStartAt(String text, int i) {
        char c = text.charAt(i);
        boolean opener = isDigit(c)
                || (c == '+' && i + 1 < text.length() && isDigit(text.charAt(i + 1)))
                || (c == '(' && i + 1 < text.length() && (isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '+'));
        if (!opener || i == 0) {
            return opener;
        }
        char before = text.charAt(i - 1);
        if (Character.isLetterOrDigit(before) || "_@#/&=+-€$£*".indexOf(before) >= 0) {
            return false;
        }
        boolean decimalOrTime =
                (before == '.' || before == ',' || before == ':') && i >= 2 && isDigit(text.charAt(i - 2));
        return !decimalOrTime;
    }

    /**
     * The end (exclusive, after the last digit) of the run of digits and separators starting at {@code start}, or
     * -1 if there is no digit. A separator is one space, dot, dash or slash, with brackets around it allowed: a
     * wider gap (" - ", two spaces, a line break) ends the number.
     */
    private static int endOfRun(String text, int start) {
        int i = start;
        if (text.charAt(i) == '(') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '+') {
            i++;
        }
        int lastDigitEnd = -1;
        int separators = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                lastDigitEnd = i + 1;
                separators = 0;
            } else if (c == '(' || c == ')') {
                // brackets do not count as a gap: "(+39) 347", "+1 (415) 555"
            } else if (c == ' ' || c == '\u00A0' || c == '.' || c == '-' || c == '/') {
                separators++;
                if (separators > 1) {
                    break;
                }
            } else {
                break;
            }
            i++;
        }
        return lastDigitEnd;
    }

    /**
     * A number glued to a word, an '@', a decimal part or a time ("3471234567abc", "12,50", "10:30") is not a
     * phone number; the whole glued token is skipped. Returns {@code end} when nothing is glued, else where
     * scanning resumes.
     */
    private static int skipGluedRest(String text, int end) {
        if (end >= text.length()) {
            return end;
        }
        char after = text.charAt(end);
        boolean glued = Character.isLetterOrDigit(after)
                || after == '@'
                || after == '_'
                || ((after == ',' || after == '.' || after == ':')
                        && end + 1 < text.length()
                        && isDigit(text.charAt(end + 1)));
        if (!glued) {
            return end;
        }
        int i = end;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package sportello.domain.profile;

import java.util.regex.Pattern;

/**
 * Phone numbers in Italian and international formats, normalised to E.164 ({@code +393471234567}). A number
 * without a country code is taken as Italian, the market Sportello serves first.
 */
public final class PhoneNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0.\\-/()]");

    /** "+44 (0)20 …": the bracketed trunk zero is dialled only from inside the country, so E.164 drops it. */
    private static final Pattern FOREIGN_TRUNK_ZERO =
            Pattern.compile("^(\\(?\\s*(?:\\+|00)\\s*(?!39)\\d{1,3}\\s*\\)?\\s*)\\(0\\)");

    private PhoneNumber() {}

    public static FieldCheck check(String value) {
        String withoutTrunkZero = FOREIGN_TRUNK_ZERO.matcher(value.strip()).replaceFirst("$1");
        String compact = SEPARATORS.matcher(withoutTrunkZero).replaceAll("");
        String digits;
        if (compact.startsWith("+")) {
            digits = compact.substring(1);
        } else if (compact.startsWith("00")) {
            digits = compact.substring(2);
        } else if (compact.startsWith("39") && compact.length() >= 11 && compact.length() <= 13) {
            digits = compact;
        } else if (compact.startsWith("3") || compact.startsWith("0")) {
            digits = "39" + compact; // Italian mobile (3xx) or landline (0x), trunk zero kept as Italy requires
        } else {
            return invalid(value);
        }
        if (!digits.matches("[1-9]\\d{7,14}")) {
            return invalid(value);
        }
        if (digits.startsWith("39") && !italianNationalNumberIsPlausible(digits.substring(2))) {
            return invalid(value);
        }
        return new FieldCheck.Valid("+" + digits);
    }

    private static boolean italianNationalNumberIsPlausible(String national) {
        if (national.startsWith("3")) {
            return national.length() >= 9 && national.length() <= 10;
        }
        if (national.startsWith("0")) {
            return national.length() >= 6 && national.length() <= 11;
        }
        return false;
    }

    private static FieldCheck invalid(String value) {
        return new FieldCheck.Invalid("'" + value + "' is not a valid phone number (write it with the country code,"
                + " e.g. +39 347 123 4567)");
    }
}

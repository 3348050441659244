package sportello.domain.profile;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses as people type them; the domain part is lower-cased, the local part kept as written. */
public final class EmailAddress {

    static final String LOCAL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
    static final String DOMAIN = "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}";
    private static final Pattern FULL = Pattern.compile(LOCAL + "@" + DOMAIN);

    private EmailAddress() {}

    public static FieldCheck check(String value) {
        if (value.length() > 254 || !FULL.matcher(value).matches()) {
            return new FieldCheck.Invalid("'" + value + "' is not a valid e-mail address");
        }
        int at = value.lastIndexOf('@');
        if (at > 64) {
            return new FieldCheck.Invalid("'" + value + "' is not a valid e-mail address");
        }
        return new FieldCheck.Valid(
                value.substring(0, at + 1) + value.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}

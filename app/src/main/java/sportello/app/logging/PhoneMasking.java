package sportello.app.logging;

import java.util.regex.Pattern;

/**
 * Hides phone numbers in log lines: log files travel (support tickets, backups) and a customer's number is personal
 * data. A number is a run of 9 to 13 digits, optionally with a leading {@code +}; longer runs are Meta's ids (phone
 * number ids, media ids, 15+ digits), which staff need to read when something goes wrong, so they stay.
 */
public final class PhoneMasking {

    private static final Pattern PHONE = Pattern.compile("(?<![\\w.+])(\\+?)(\\d{4})(\\d{3,7})(\\d{2})(?![\\w])");

    private PhoneMasking() {}

    public static String mask(String text) {
        if (text == null || text.length() < 9) {
            return text;
        }
        var matcher = PHONE.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        var masked = new StringBuilder();
        do {
            matcher.appendReplacement(
                    masked,
                    matcher.group(1) + matcher.group(2)
                            + "*".repeat(matcher.group(3).length()) + "$4");
        } while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }
}

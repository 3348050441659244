package sportello.domain.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds e-mail addresses in free text. It works outward from each '@' over a bounded window instead of running
 * one big regular expression over the whole message, so it stays linear on long or hostile input. Punctuation
 * around the address ("scrivimi a giulia@example.it.") is left out.
 */
final class EmailFinder {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    private EmailFinder() {}

    static List<Found> find(String text) {
        var found = new ArrayList<Found>();
        int at = text.indexOf('@');
        while (at >= 0) {
            candidateAround(text, at).ifPresent(found::add);
            at = text.indexOf('@', at + 1);
        }
        return found;
    }

    private static Optional<Found> candidateAround(String text, int at) {
        int start = at;
        while (start > 0 && isLocalChar(text.charAt(start - 1)) && at - start < MAX_LOCAL + 1) {
            start--;
        }
        if (start > 0 && isLocalChar(text.charAt(start - 1))) {
            return Optional.empty(); // a local part longer than any address allows
        }
        while (start < at && !Character.isLetterOrDigit(text.charAt(start))) {
            start++; // "...mario@" or "-mario@": leading punctuation belongs to the sentence
        }
        int end = at + 1;
        while (end < text.length() && isDomainChar(text.charAt(end)) && end - at <= MAX_DOMAIN) {
            end++;
        }
        while (end > at + 1 && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--; // "example.it." at the end of a sentence
        }
        if (start == at || end == at + 1) {
            return Optional.empty();
        }
        String domain = withoutGluedWord(text.substring(at + 1, end));
        end = at + 1 + domain.length();
        String candidate = text.substring(start, at + 1) + domain;
        if (EmailAddress.check(candidate) instanceof FieldCheck.Valid(var normalized)) {
            return Optional.of(new Found(normalized, start, end));
        }
        return Optional.empty();
    }

    /**
     * "giulia@gmail.com.Grazie": a missing space glues the next word to the domain. A capitalised last label
     * after at least two others is taken as that word, since top-level domains are not written that way.
     */
    private static String withoutGluedWord(String domain) {
        int lastDot = domain.lastIndexOf('.');
        if (lastDot < 0) {
            return domain;
        }
        String last = domain.substring(lastDot + 1);
        String rest = domain.substring(0, lastDot);
        boolean capitalisedWord = last.length() > 1
                && Character.isUpperCase(last.charAt(0))
                && last.substring(1).equals(last.substring(1).toLowerCase(Locale.ROOT));
        return capitalisedWord && rest.contains(".") ? rest : domain;
    }

    private static boolean isLocalChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}

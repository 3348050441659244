package sportello.domain.profile;

/** Turns a business's field pattern, written to match a whole value, into one that finds it in running text. */
final class Patterns {

    private Patterns() {}

    /** A business may anchor its pattern (^…$) to say "the whole value"; in running text that means a word. */
    static String unanchored(String pattern) {
        String p = pattern;
        if (p.startsWith("^")) {
            p = p.substring(1);
        } else if (p.startsWith("\\A")) {
            p = p.substring(2);
        }
        if (p.endsWith("$") && !p.endsWith("\\$")) {
            p = p.substring(0, p.length() - 1);
        } else if (p.endsWith("\\z") || p.endsWith("\\Z")) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }
}

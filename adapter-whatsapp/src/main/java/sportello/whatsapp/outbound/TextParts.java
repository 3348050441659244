package sportello.whatsapp.outbound;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text too long for one WhatsApp message into parts of at most {@code max} code points, cutting where a
 * reader expects a break: between paragraphs, then lines, then sentences, then words. Only a text with no such place
 * is cut hard, and then between characters as the reader sees them, so no emoji or accented letter is broken.
 */
final class TextParts {

    private static final Pattern PARAGRAPH = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern LINE = Pattern.compile("\\n");
    /** After . ! ? … (and any closing quote or bracket), where whitespace follows. */
    private static final Pattern SENTENCE = Pattern.compile("[.!?…。](?=[\"'”’»)\\]]*\\s)[\"'”’»)\\]]*");

    private static final Pattern WORD = Pattern.compile("\\s");
    private static final List<Pattern> BOUNDARIES = List.of(PARAGRAPH, LINE, SENTENCE, WORD);

    private TextParts() {}

    /** The text itself when it fits; otherwise its parts, in order, none blank. */
    static List<String> split(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.codePointCount(0, rest.length()) > max) {
            int end = rest.offsetByCodePoints(0, max);
            int cut = cut(rest, end);
            addIfNotBlank(parts, rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        addIfNotBlank(parts, rest);
        return List.copyOf(parts);
    }

    /** Where to end the next part, at most {@code end}: a boundary in its second half, else any, else a hard cut. */
    private static int cut(String text, int end) {
        for (int from : new int[] {end / 2, 1}) {
            for (Pattern boundary : BOUNDARIES) {
                int at = lastBoundary(boundary, text, from, end);
                if (at > 0) {
                    return at;
                }
            }
        }
        return hardCut(text, end);
    }

    /** The end of the last match of {@code boundary} that lies within [from, end]; -1 when there is none. */
    private static int lastBoundary(Pattern boundary, String text, int from, int end) {
        Matcher matcher = boundary.matcher(text).region(0, end);
        int last = -1;
        while (matcher.find()) {
            if (matcher.end() >= from) {
                last = matcher.end();
            }
        }
        return last;
    }

    /** The last grapheme boundary at or before {@code end}; never inside a surrogate pair. */
    private static int hardCut(String text, int end) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int at = characters.isBoundary(end) ? end : characters.preceding(end);
        if (at <= 0) {
            // One "character" longer than a whole part (e.g. thousands of combining marks): cut between code points.
            at = end;
        }
        return at;
    }

    private static void addIfNotBlank(List<String> parts, String part) {
        if (!part.isBlank()) {
            parts.add(part);
        }
    }
}

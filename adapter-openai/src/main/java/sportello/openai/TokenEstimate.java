package sportello.openai;

/**
 * What a piece of history costs in input tokens, estimated without a tokenizer so that the same text always gives
 * the same number on every machine. Each code point weighs 1 (ASCII), 2 (Latin letters with accents, up to U+024F)
 * or 7 (emoji and other scripts); a text costs {@code ceil(weight / 3.5)} tokens and a message 4 more.
 *
 * <p>The estimate errs high on purpose. OpenAI's o200k tokenizer averages about 4 to 4.5 characters per token on
 * English and Italian prose, so dividing by 3.5 over-counts ordinary text by 15 to 30 %; an accented letter rarely
 * costs a token of its own, yet counts as 2/3.5 of one; an emoji or a Chinese character costs one to three tokens
 * and counts as two; and 4 per message covers the role and the separators (OpenAI's cookbook counts 3, plus 1 for
 * the role). Counting high only drops an old message a little early; counting low would break the budget the
 * business set.
 */
final class TokenEstimate {

    /** Role and separators around each message's content. */
    static final int PER_MESSAGE = 4;

    /**
     * A photo sent with {@code detail: auto}, counted flat since its pixels are not known here. The gpt-4o family
     * bills 85 tokens plus 170 per 512-pixel tile, about 765 for a phone photo scaled to 768 by 1024; gpt-4.1-mini
     * and o4-mini bill by 32-pixel patch, more for the same photo. A round 1,000 sits between them.
     */
    static final int IMAGE = 1000;

    /** Weights are in half-units so that 3.5 characters per token stays integer arithmetic: 7 half-units. */
    private static final int HALF_UNITS_PER_TOKEN = 7;

    private static final String MARKER = "\n[… %d characters left out by Sportello …]\n";

    private TokenEstimate() {}

    /** A whole input message: its text plus {@link #PER_MESSAGE}. */
    static int message(String text) {
        return PER_MESSAGE + text(text);
    }

    static int text(String text) {
        long halfUnits = text.codePoints().mapToLong(TokenEstimate::halfUnits).sum();
        return (int) ((halfUnits + HALF_UNITS_PER_TOKEN - 1) / HALF_UNITS_PER_TOKEN);
    }

    /**
     * The text cut to at most {@code maxTokens}: its beginning (two thirds of the room) and its end (one third), the
     * part left out replaced by a marker that says so. The end is kept because a long message often asks its
     * question last. A text that fits comes back unchanged; code points are never split.
     */
    static String shorten(String text, int maxTokens) {
        if (text(text) <= maxTokens) {
            return text;
        }
        int[] codePoints = text.codePoints().toArray();
        int markerTokens = text(MARKER.formatted(codePoints.length)); // the longest the count can get
        long room = Math.max(0, (long) (maxTokens - markerTokens) * HALF_UNITS_PER_TOKEN);
        long headRoom = room * 2 / 3;
        long tailRoom = room - headRoom;
        int head = 0;
        for (long used = 0; head < codePoints.length && used + halfUnits(codePoints[head]) <= headRoom; head++) {
            used += halfUnits(codePoints[head]);
        }
        int tail = codePoints.length;
        for (long used = 0; tail > head && used + halfUnits(codePoints[tail - 1]) <= tailRoom; tail--) {
            used += halfUnits(codePoints[tail - 1]);
        }
        return new String(codePoints, 0, head)
                + MARKER.formatted(tail - head)
                + new String(codePoints, tail, codePoints.length - tail);
    }

    /** The longest beginning of {@code text} within {@code maxTokens}, or the whole text if it fits. */
    static String prefix(String text, int maxTokens) {
        long room = (long) maxTokens * HALF_UNITS_PER_TOKEN;
        int end = 0;
        long used = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            if (used + halfUnits(codePoint) > room) {
                break;
            }
            used += halfUnits(codePoint);
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    /** ASCII 2, accented Latin 4, anything else 14 half-units: 1, 2 and 7 in the class comment's units. */
    private static int halfUnits(int codePoint) {
        if (codePoint < 0x80) {
            return 2;
        }
        return codePoint <= 0x24F ? 4 : 14;
    }
}

package sportello.openai.offline;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Customer text as comparable words: lower case, accents dropped ("perché" and "perche" are the same word),
 * apostrophes splitting ("all'estero" is "all" and "estero"), and a crude stem, because "spedizione",
 * "spedizioni" and "spedite" should find the same answer.
 */
final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int STEM_LENGTH = 5;

    private Words() {}

    static List<String> of(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(plain)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The first few letters: enough to tell most words apart, few enough to ignore Italian endings. */
    static String stem(String word) {
        return word.length() > STEM_LENGTH ? word.substring(0, STEM_LENGTH) : word;
    }

    /** {@code phrase} occurs in {@code words} as consecutive whole words. */
    static boolean containsPhrase(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}

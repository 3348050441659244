package sportello.openai.offline;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Italian or English, guessed from the words a customer uses; Italian when in doubt (our first market). */
public enum CustomerLanguage {
    ITALIAN,
    ENGLISH;

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "hi", "hello", "hey", "the", "my", "is", "please", "thanks", "thank", "you", "order", "where", "when",
            "what", "how", "can", "could", "would", "i", "i'm", "name", "email", "phone", "good", "morning");
    private static final Set<String> ITALIAN_WORDS = Set.of(
            "ciao",
            "buongiorno",
            "buonasera",
            "salve",
            "il",
            "lo",
            "la",
            "mio",
            "mia",
            "è",
            "per",
            "grazie",
            "ordine",
            "dove",
            "quando",
            "come",
            "posso",
            "vorrei",
            "sono",
            "chiamo",
            "numero",
            "che",
            "non");

    public static CustomerLanguage of(String text) {
        int english = 0;
        int italian = 0;
        var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (ENGLISH_WORDS.contains(word)) {
                english++;
            }
            if (ITALIAN_WORDS.contains(word)) {
                italian++;
            }
        }
        return english > italian ? ENGLISH : ITALIAN;
    }
}

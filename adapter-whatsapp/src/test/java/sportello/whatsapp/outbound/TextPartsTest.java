package sportello.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPartsTest {

    private static final int MAX = 4096;

    @Test
    void textThatFits_isKeptExactlyAsItIs() {
        String text = "  Ciao Giulia!\n\n" + "a".repeat(4000) + "\n";

        assertThat(TextParts.split(text, MAX)).containsExactly(text);
    }

    @Test
    void longText_isCutBetweenParagraphs() {
        String first = sentence('a', 1500) + "\n\n" + sentence('b', 1500);
        String second = sentence('c', 1500) + "\n\n" + sentence('d', 1500);

        List<String> parts = TextParts.split(first + "\n\n" + second, MAX);

        assertThat(parts).containsExactly(first, second);
    }

    @Test
    void withoutParagraphs_isCutBetweenLines() {
        String first = line('a', 3000);
        String second = line('b', 3000);

        assertThat(TextParts.split(first + "\n" + second, MAX)).containsExactly(first, second);
    }

    @Test
    void oneLongLine_isCutAfterASentence() {
        String first = "x".repeat(3000) + ". Poi " + "y".repeat(900) + "!";
        String second = "«Sì» " + "z".repeat(500) + ".";

        assertThat(TextParts.split(first + " " + second, MAX)).containsExactly(first, second);
    }

    @Test
    void sentenceEndingInAQuote_keepsTheQuote() {
        String first = "k".repeat(3000) + " disse \"arrivo domani.\"";
        String second = "w".repeat(2000);

        assertThat(TextParts.split(first + " " + second, MAX)).containsExactly(first, second);
    }

    @Test
    void oneLongSentence_isCutBetweenWords() {
        String text = ("parola ".repeat(1000)).strip();

        List<String> parts = TextParts.split(text, MAX);

        assertThat(parts).hasSize(2).allMatch(part -> part.startsWith("parola") && part.endsWith("parola"));
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void noPlaceToBreak_isCutHardAtTheLimit() {
        String text = "q".repeat(5000);

        assertThat(TextParts.split(text, MAX)).containsExactly("q".repeat(4096), "q".repeat(904));
    }

    @Test
    void emojis_areNeverCutInsideTheirSurrogatePair() {
        String text = "😊".repeat(5000);

        List<String> parts = TextParts.split(text, MAX);

        assertThat(parts).containsExactly("😊".repeat(4096), "😊".repeat(904));
    }

    @Test
    void hardCut_keepsAnEmojiSequenceWhole() {
        String family = "👨‍👩‍👧"; // five code points the reader sees as one
        String text = "q".repeat(4094) + family + "q".repeat(10);

        List<String> parts = TextParts.split(text, MAX);

        assertThat(parts).containsExactly("q".repeat(4094), family + "q".repeat(10));
    }

    @Test
    void veryLongText_partsAreAllWithinTheLimit_andKeepEveryWordInOrder() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("Frase numero ").append(i).append(i % 7 == 0 ? ".\n\n" : i % 3 == 0 ? ".\n" : ". ");
        }

        List<String> parts = TextParts.split(text.toString(), MAX);

        assertThat(parts).allMatch(part -> part.codePointCount(0, part.length()) <= MAX && !part.isBlank());
        assertThat(words(String.join(" ", parts))).isEqualTo(words(text.toString()));
    }

    private static String sentence(char letter, int length) {
        return String.valueOf(letter).repeat(length - 1) + ".";
    }

    private static String line(char letter, int length) {
        return (String.valueOf(letter).repeat(9) + " ").repeat(length / 10).strip();
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }
}

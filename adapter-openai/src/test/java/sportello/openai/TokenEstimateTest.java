package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenEstimateTest {

    @Test
    void asciiText_isCharactersOverThreePointFive_roundedUp_plusFourPerMessage() {
        assertThat(TokenEstimate.text("")).isZero();
        assertThat(TokenEstimate.text("ciao")).isEqualTo(2); // 4 / 3.5 = 1.14
        assertThat(TokenEstimate.text("x".repeat(35))).isEqualTo(10);
        assertThat(TokenEstimate.message("x".repeat(35))).isEqualTo(14);
    }

    @Test
    void accentsCountDouble_andEmojiOrOtherScriptsCountTwoTokensEach() {
        assertThat(TokenEstimate.text("è".repeat(7))).isEqualTo(4); // 14 / 3.5
        assertThat(TokenEstimate.text("👍👍👍")).isEqualTo(6);
        assertThat(TokenEstimate.text("花瓶")).isEqualTo(4);
    }

    @Test
    void italianProse_isEstimatedAboveTheFourCharactersPerTokenRuleOfThumb() {
        String sentence = "Buongiorno! Avete ancora i piatti della collezione Mare in blu?"; // 63 characters

        assertThat(TokenEstimate.text(sentence)).isEqualTo(18).isGreaterThan(63 / 4);
    }

    @Test
    void shorten_textThatFits_isUnchanged() {
        assertThat(TokenEstimate.shorten("Sabato a che ora chiudete?", 100)).isEqualTo("Sabato a che ora chiudete?");
    }

    @Test
    void shorten_longText_keepsBeginningAndEnd_saysWhatWasLeftOut_andFits() {
        String text = "Inizio. " + "bla ".repeat(5000) + "Sabato a che ora chiudete?";

        String shortened = TokenEstimate.shorten(text, 200);

        assertThat(TokenEstimate.text(shortened)).isLessThanOrEqualTo(200);
        assertThat(shortened)
                .startsWith("Inizio. ")
                .endsWith("chiudete?")
                .containsPattern("\\[… \\d+ characters left out by Sportello …]");
    }

    @Test
    void shorten_neverSplitsAnEmoji() {
        String shortened = TokenEstimate.shorten("👍".repeat(500), 80);

        assertThat(shortened.codePoints()).doesNotContain((int) "👍".charAt(0));
        assertThat(TokenEstimate.text(shortened)).isLessThanOrEqualTo(80);
    }

    @Test
    void prefix_isTheLongestBeginningWithinTheTokens() {
        assertThat(TokenEstimate.prefix("abcdefg", 1)).isEqualTo("abc"); // 3 chars = 0.86 token, 4 would be 1.14
        assertThat(TokenEstimate.prefix("abc", 10)).isEqualTo("abc");
    }
}

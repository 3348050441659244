package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhatsAppFormattingTest {

    private static String format(String markdown) {
        return WhatsAppFormatting.format(markdown);
    }

    @Test
    void plainText_isUnchanged() {
        String text = "Sabato chiudiamo alle 19:00 (apriamo alle 9:30, orario continuato). A presto!";

        assertThat(format(text)).isEqualTo(text);
    }

    @Test
    void doubleStarsAndDoubleUnderscores_becomeWhatsAppBold() {
        assertThat(format("Il **negozio** è __aperto__ oggi.")).isEqualTo("Il *negozio* è *aperto* oggi.");
    }

    @Test
    void singleStarsAndUnderscores_becomeWhatsAppItalic() {
        assertThat(format("Una *piccola* nota e un _dettaglio_.")).isEqualTo("Una _piccola_ nota e un _dettaglio_.");
    }

    @Test
    void boldItalic_becomesBoldAroundItalic() {
        assertThat(format("***Attenzione***")).isEqualTo("*_Attenzione_*");
    }

    @Test
    void strikethrough_becomesWhatsAppStrike() {
        assertThat(format("Prezzo ~~30 €~~ 25 €")).isEqualTo("Prezzo ~30 €~ 25 €");
    }

    @Test
    void headings_becomeBoldLines_withoutInnerMarkers() {
        assertThat(format("# Orari\n## **Spedizioni** ##\nTesto")).isEqualTo("*Orari*\n*Spedizioni*\nTesto");
    }

    @Test
    void links_becomeTextThenUrl_andBareOrAutoLinksStay() {
        assertThat(format("Vedi [il catalogo](https://example.it/catalogo) o <https://example.it/faq>."))
                .isEqualTo("Vedi il catalogo (https://example.it/catalogo) o https://example.it/faq.");
        assertThat(format("[https://example.it](https://example.it)")).isEqualTo("https://example.it");
        assertThat(format("Scrivici a [info@example.it](mailto:info@example.it)"))
                .isEqualTo("Scrivici a info@example.it");
    }

    @Test
    void urlsWithUnderscoresOrStars_areLeftAlone() {
        String text = "Guarda https://example.it/vasi_blu__grandi/*nuovi* e www.example.it/a_b_c";

        assertThat(format(text)).isEqualTo(text);
    }

    @Test
    void snakeCaseAndArithmetic_areNotEmphasis() {
        assertThat(format("Il campo order_number e 2 * 3 = 6")).isEqualTo("Il campo order_number e 2 * 3 = 6");
    }

    @Test
    void starBullets_becomeDashes_andDashBulletsStay() {
        assertThat(format("Opzioni:\n* ritiro in negozio\n+ corriere\n- posta"))
                .isEqualTo("Opzioni:\n- ritiro in negozio\n- corriere\n- posta");
    }

    @Test
    void twoColumnTable_becomesLabelValueLines() {
        String table = """
                Ecco gli orari:

                | Giorno | Orario |
                |:-------|-------:|
                | Lunedì–Sabato | 9:30–19:00 |
                | **Domenica** | chiuso |
                """;

        assertThat(format(table)).isEqualTo("Ecco gli orari:\n\nLunedì–Sabato: 9:30–19:00\n*Domenica*: chiuso");
    }

    @Test
    void widerTable_becomesPlainRows_headerFirst() {
        String table = """
                | Vaso | Colore | Prezzo |
                | --- | --- | --- |
                | Anfora | blu | 45 € |
                | Ciotola | | 18 € |
                """;

        assertThat(format(table)).isEqualTo("Vaso – Colore – Prezzo\nAnfora – blu – 45 €\nCiotola – 18 €");
    }

    @Test
    void codeFences_areRemoved_andTheirContentKeptAsIs() {
        assertThat(format("Il codice sconto:\n```text\nBELLINI_*10*\n```\nValido fino a domenica."))
                .isEqualTo("Il codice sconto:\nBELLINI_*10*\nValido fino a domenica.");
    }

    @Test
    void citationMarkers_areStripped() {
        assertThat(format("La spedizione costa 9,90 € 【4:0†spedizioni-2026.pdf】.【5:1†source】"))
                .isEqualTo("La spedizione costa 9,90 €.");
    }

    @Test
    void blankLineRuns_collapseToOne_andRulesDisappear() {
        assertThat(format("Primo\n\n\n\n\nSecondo\n\n---\n\nTerzo  \n")).isEqualTo("Primo\n\nSecondo\n\nTerzo");
    }

    @Test
    void windowsLineEndings_areNormalised() {
        assertThat(format("Riga uno\r\nRiga **due**\r\n")).isEqualTo("Riga uno\nRiga *due*");
    }

    @Test
    void escapedMarkdown_staysLiteral() {
        assertThat(format("Prezzo \\*scontato\\* e file\\_nome")).isEqualTo("Prezzo *scontato* e file_nome");
    }

    @Test
    void inlineCode_isKeptWithoutTouchingItsStars() {
        assertThat(format("Usa il codice `SCONTO**10` alla cassa")).isEqualTo("Usa il codice `SCONTO**10` alla cassa");
    }

    @Test
    void nullOrBlank_isEmpty() {
        assertThat(WhatsAppFormatting.format(null)).isEmpty();
        assertThat(format(" \n\n ")).isEmpty();
    }

    @Test
    void shortEnough_isNotCut() {
        String text = "a".repeat(WhatsAppFormatting.MAX_LENGTH - 1);

        assertThat(format(text)).isEqualTo(text);
    }

    @Test
    void tooLong_isCutAtTheLastSentenceBoundary_underTheLimit() {
        String sentence = "Questa è una frase di prova per la consegna. ";
        String text = sentence.repeat(200);

        String cut = format(text);

        assertThat(cut).hasSizeLessThan(WhatsAppFormatting.MAX_LENGTH).endsWith("consegna.");
        assertThat(text).startsWith(cut);
        assertThat(cut.length()).isGreaterThan(WhatsAppFormatting.MAX_LENGTH - sentence.length() - 1);
    }

    @Test
    void tooLong_isCutAtALineBoundary_whenThatComesLater() {
        String text = "Elenco dei prodotti disponibili.\n" + "- vaso in ceramica blu\n".repeat(300);

        String cut = format(text);

        assertThat(cut).hasSizeLessThan(WhatsAppFormatting.MAX_LENGTH).endsWith("- vaso in ceramica blu");
    }

    @Test
    void tooLong_withoutBoundaries_isCutOnAWordWithAnEllipsis() {
        String text = "parola ".repeat(1000);

        String cut = format(text);

        assertThat(cut).hasSizeLessThan(WhatsAppFormatting.MAX_LENGTH).endsWith("parola…");
    }

    @Test
    void tooLong_oneEndlessWord_isCutHard_neverSplittingAnEmoji() {
        String text = "😀".repeat(3000);

        String cut = format(text);

        assertThat(cut).hasSizeLessThan(WhatsAppFormatting.MAX_LENGTH).endsWith("😀…");
    }

    @Test
    void formatting_isAPureFunction() {
        String text = "# Titolo\n**a** *b* [c](https://d.it)\n| x | y |\n|---|---|\n| 1 | 2 |";

        assertThat(format(text)).isEqualTo(format(text));
    }
}

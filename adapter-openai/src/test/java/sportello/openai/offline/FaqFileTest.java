package sportello.openai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqFileTest {

    private static final String FAQ = """
            # Lines starting with # are comments.
            Q: A che ora chiudete il sabato?
            Q: What time do you close on Saturday?
            keywords: orari, orario di apertura, opening hours
            A: Siamo aperti dal lunedì al sabato, 9:30–19:00.
               La domenica siamo chiusi.

            K: spedizione, spedite, consegna, shipping
            A: Spediamo in tutta Italia in 2–3 giorni lavorativi.

            Q: Fate confezioni regalo?
            A: Sì, la confezione regalo è gratuita.

            Q: This entry has no answer

            A: Nor does this one have a question.
            """;

    @TempDir
    Path dir;

    @Test
    void parse_readsQuestionsKeywordsAndMultiLineAnswers_andSkipsIncompleteEntries() {
        var entries = FaqFile.parse(FAQ.lines().toList());

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).questions())
                .containsExactly("A che ora chiudete il sabato?", "What time do you close on Saturday?");
        assertThat(entries.get(0).keywords()).containsExactly("orari", "orario di apertura", "opening hours");
        assertThat(entries.get(0).answer())
                .isEqualTo("Siamo aperti dal lunedì al sabato, 9:30–19:00.\nLa domenica siamo chiusi.");
        assertThat(entries.get(1).keywords()).containsExactly("spedizione", "spedite", "consegna", "shipping");
        assertThat(entries.get(2).questions()).containsExactly("Fate confezioni regalo?");
    }

    @Test
    void oneKeyword_isEnough_whateverTheEndingOrAccents() throws Exception {
        var faq = faq(FAQ);

        assertThat(faq.answerTo("Quanto ci mette la spedizioni in Sicilia?"))
                .hasValueSatisfying(answer -> assertThat(answer).startsWith("Spediamo"));
        assertThat(faq.answerTo("What are your OPENING HOURS?"))
                .hasValueSatisfying(answer -> assertThat(answer).startsWith("Siamo aperti"));
    }

    @Test
    void multiWordKeyword_needsAllItsWords() throws Exception {
        var faq = faq("keywords: orario di apertura\nA: Dalle 9:30.\n");

        assertThat(faq.answerTo("Qual è l'orario di apertura?")).contains("Dalle 9:30.");
        assertThat(faq.answerTo("Qual è l'orario?")).isEmpty();
    }

    @Test
    void question_matchesWhenMostOfItsWordsAreThere() throws Exception {
        var faq = faq(FAQ);

        assertThat(faq.answerTo("Buongiorno, fate anche le confezioni regalo?"))
                .contains("Sì, la confezione regalo è gratuita.");
        assertThat(faq.answerTo("Sabato a che ora chiudete?"))
                .hasValueSatisfying(answer -> assertThat(answer).startsWith("Siamo aperti"));
        assertThat(faq.answerTo("Che regalo mi consigliate?")).isEmpty(); // one word of two is not enough
    }

    @Test
    void unrelatedMessage_hasNoAnswer() throws Exception {
        assertThat(faq(FAQ).answerTo("Avete vasi blu?")).isEmpty();
        assertThat(faq(FAQ).answerTo("")).isEmpty();
    }

    @Test
    void keywordHits_beatQuestionWords() throws Exception {
        var faq = faq("""
                Q: Quando arriva la consegna del regalo?
                A: Question answer.

                keywords: consegna
                A: Keyword answer.
                """);

        assertThat(faq.answerTo("Quando arriva la consegna del regalo?")).contains("Keyword answer.");
    }

    @Test
    void changedFile_isReadAgain_andAMissingFileHasNoEntries() throws Exception {
        Path file = dir.resolve("faq.txt");
        var faq = new FaqFile(file);
        assertThat(faq.entries()).isEmpty();

        Files.writeString(file, "keywords: orari\nA: Dalle 9:30.\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-25T10:00:00Z")));
        assertThat(faq.answerTo("orari?")).contains("Dalle 9:30.");

        Files.writeString(file, "keywords: orari\nA: Dalle 10:00.\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-25T11:00:00Z")));
        assertThat(faq.answerTo("orari?")).contains("Dalle 10:00.");

        Files.delete(file);
        assertThat(faq.answerTo("orari?")).isEmpty();
    }

    @Test
    void none_neverAnswers() {
        assertThat(FaqFile.none().answerTo("orari")).isEmpty();
        assertThat(FaqFile.none().entries()).isEqualTo(List.of());
    }

    private FaqFile faq(String text) throws Exception {
        Path file = dir.resolve("faq.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new FaqFile(file);
    }
}

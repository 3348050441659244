package sportello.openai.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A business's frequent questions in a plain UTF-8 text file (e.g. {@code DATA_DIR/faq.txt}), for the agent that
 * runs without OpenAI. The file is optional, and it is read again when it changes, so the owner can edit it while
 * Sportello runs.
 *
 * <p>Format: one entry per block, blocks separated by a blank line; lines starting with {@code #} are comments.
 *
 * <pre>
 * Q: A che ora chiudete il sabato?
 * Q: What time do you close on Saturday?
 * keywords: orari, orario, apertura, opening hours
 * A: Siamo aperti dal lunedì al sabato, 9:30–19:00. La domenica siamo chiusi.
 *    A line without a prefix continues the answer (or the line above it).
 *
 * keywords: spedizione, spedite, consegna, shipping, delivery
 * A: Spediamo in tutta Italia in 2–3 giorni lavorativi; per le isole 3–5.
 * </pre>
 *
 * <p>{@code Q:} lines (any number) give example questions; {@code keywords:} (or {@code K:}) a comma-separated
 * list of words or short phrases; {@code A:} the answer, sent as written. An entry needs an answer and at least
 * one question or keyword; the prefixes are case-insensitive.
 *
 * <p>Matching: one keyword found among the customer's words (whole words, accents and endings ignored) is
 * enough, since the owner chose it; a question matches when at least half of its meaningful words, and two of
 * them if it has two, are in the message. The entry with the most keyword hits, then question words, wins; on a
 * tie the one earlier in the file.
 */
public final class FaqFile {

    private static final Logger log = LoggerFactory.getLogger(FaqFile.class);

    /** Words that say nothing about the topic, in Italian and English, accents already dropped. */
    private static final Set<String> FILLER = Set.of(
            "che",
            "chi",
            "come",
            "con",
            "cosa",
            "dei",
            "del",
            "della",
            "delle",
            "dello",
            "degli",
            "per",
            "non",
            "una",
            "uno",
            "sono",
            "siete",
            "avete",
            "hai",
            "ho",
            "gli",
            "anche",
            "quale",
            "quali",
            "quando",
            "dove",
            "perche",
            "posso",
            "potete",
            "puo",
            "vorrei",
            "grazie",
            "ciao",
            "buongiorno",
            "buonasera",
            "salve",
            "the",
            "and",
            "for",
            "you",
            "your",
            "are",
            "can",
            "could",
            "would",
            "what",
            "when",
            "where",
            "which",
            "how",
            "have",
            "has",
            "with",
            "from",
            "this",
            "that",
            "there",
            "please",
            "thanks",
            "hello",
            "about",
            "does",
            "did",
            "our",
            "any",
            "all",
            "nel",
            "nella",
            "alla",
            "alle",
            "allo",
            "dal",
            "dalla",
            "sul");

    private final Path file;
    private FileTime loadedVersion;
    private List<Entry> entries = List.of();

    /** The FAQ in {@code file}; a file that does not exist simply has no entries. */
    public FaqFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    private FaqFile() {
        this.file = null;
    }

    /** No FAQ at all. */
    public static FaqFile none() {
        return new FaqFile();
    }

    /** The answer to what the customer wrote, if an entry matches well enough. */
    public Optional<String> answerTo(String customerText) {
        List<String> words = Words.of(customerText);
        Set<String> stems = words.stream().map(Words::stem).collect(Collectors.toSet());
        Entry best = null;
        int bestScore = 0;
        for (Entry entry : entries()) {
            int score = entry.score(stems);
            if (score > bestScore) {
                best = entry;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(Entry::answer);
    }

    /** The entries as of the file's last change. */
    synchronized List<Entry> entries() {
        if (file == null) {
            return entries;
        }
        try {
            FileTime version = Files.getLastModifiedTime(file);
            if (!version.equals(loadedVersion)) {
                entries = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
                loadedVersion = version;
                log.info("Read {} FAQ entries from {}", entries.size(), file);
            }
        } catch (NoSuchFileException e) {
            if (loadedVersion != null || !entries.isEmpty()) {
                log.info("The FAQ file {} is gone: no FAQ answers until it is back", file);
            }
            entries = List.of();
            loadedVersion = null;
        } catch (IOException e) {
            // keep answering with what was read before: a half-saved file must not silence the FAQ
            log.warn("Could not read the FAQ file {}: {}", file, e.toString());
        }
        return entries;
    }

    static List<Entry> parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        var block = new Block();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                block.finish().ifPresent(entries::add);
                block = new Block();
            } else if (!line.startsWith("#")) {
                block.add(line);
            }
        }
        block.finish().ifPresent(entries::add);
        return List.copyOf(entries);
    }

    /** One question-and-answer entry. */
    record Entry(List<String> questions, List<String> keywords, String answer) {

        Entry {
            questions = List.copyOf(questions);
            keywords = List.copyOf(keywords);
        }

        /** 0 for no match; keyword hits weigh more than question words. */
        int score(Set<String> customerStems) {
            int keywordHits = 0;
            for (String keyword : keywords) {
                List<String> words = Words.of(keyword);
                if (!words.isEmpty() && words.stream().map(Words::stem).allMatch(customerStems::contains)) {
                    keywordHits++;
                }
            }
            int questionHits = 0;
            for (String question : questions) {
                Set<String> meaningful = meaningful(question);
                int hits = (int)
                        meaningful.stream().filter(customerStems::contains).count();
                boolean enough = hits >= Math.min(2, meaningful.size()) && hits * 2 >= meaningful.size();
                if (hits > 0 && enough) {
                    questionHits = Math.max(questionHits, hits);
                }
            }
            return keywordHits * 100 + questionHits;
        }

        private static Set<String> meaningful(String question) {
            Set<String> stems = new HashSet<>();
            for (String word : Words.of(question)) {
                if (word.length() >= 3 && !FILLER.contains(word)) {
                    stems.add(Words.stem(word));
                }
            }
            return stems;
        }
    }

    /** The lines of one entry while it is read. */
    private static final class Block {
        private final List<String> questions = new ArrayList<>();
        private final List<String> keywords = new ArrayList<>();
        private final StringBuilder answer = new StringBuilder();
        private char last = ' ';

        void add(String line) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("q:")) {
                questions.add(line.substring(2).strip());
                last = 'q';
            } else if (lower.startsWith("keywords:") || lower.startsWith("k:")) {
                String list = line.substring(line.indexOf(':') + 1);
                for (String keyword : list.split(",")) {
                    if (!keyword.isBlank()) {
                        keywords.add(keyword.strip());
                    }
                }
                last = 'k';
            } else if (lower.startsWith("a:")) {
                append(line.substring(2).strip());
                last = 'a';
            } else if (last == 'a') {
                append(line);
            } else if (last == 'q' && !questions.isEmpty()) {
                questions.set(questions.size() - 1, questions.getLast() + " " + line);
            } else {
                log.warn("FAQ line ignored (it needs Q:, keywords: or A: in front): {}", line);
            }
        }

        private void append(String text) {
            if (!answer.isEmpty() && !text.isEmpty()) {
                answer.append('\n');
            }
            answer.append(text);
        }

        Optional<Entry> finish() {
            if (answer.isEmpty() && questions.isEmpty() && keywords.isEmpty()) {
                return Optional.empty();
            }
            if (answer.isEmpty() || (questions.isEmpty() && keywords.isEmpty())) {
                log.warn(
                        "FAQ entry ignored: it needs an answer (A:) and a question (Q:) or keywords: {}",
                        answer.isEmpty() ? questions.isEmpty() ? keywords : questions : answer);
                return Optional.empty();
            }
            return Optional.of(new Entry(questions, keywords, answer.toString()));
        }
    }
}

package sportello.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Measures {@link ProfileExtractor} with {@link FieldRules} against hand-labelled customer messages
 * (profile-extraction/labelled-messages.tsv): per field and overall precision and recall. Precision matters most:
 * a wrong value in a customer's profile is worse than a missing one.
 */
class LabelledMessagesTest {

    private static final String DATASET = "/profile-extraction/labelled-messages.tsv";
    private static final List<String> FIELDS =
            List.of(ProfileSchema.NAME, ProfileSchema.EMAIL, ProfileSchema.PHONE, ProfileSchema.ORDER_NUMBER);
    private static final ProfileSchema SCHEMA = ProfileSchema.standard();

    private static final double MIN_OVERALL_PRECISION = 0.95;
    private static final double MIN_OVERALL_RECALL = 0.85;

    @Test
    void extraction_onLabelledMessages_isPreciseEnough() throws IOException {
        var messages = labelledMessages();
        var scores = new LinkedHashMap<String, Score>();
        FIELDS.forEach(field -> scores.put(field, new Score()));
        var mistakes = new ArrayList<String>();

        for (var message : messages) {
            var extracted = extractedByField(message.text());
            for (String field : FIELDS) {
                String expected = message.expected().get(field);
                var found = extracted.getOrDefault(field, Set.of());
                scores.get(field).add(expected, found);
                if (!found.equals(expected.isEmpty() ? Set.of() : Set.of(expected))) {
                    mistakes.add(field + ": expected '" + expected + "', got " + found + " in: " + message.text());
                }
            }
        }

        var overall = new Score();
        scores.values().forEach(overall::addAll);
        scores.forEach((field, score) -> System.out.println(score.line(field)));
        System.out.println(overall.line("overall"));
        mistakes.forEach(mistake -> System.out.println("  miss " + mistake));
        assertThat(messages).hasSizeGreaterThanOrEqualTo(60);
        assertThat(overall.precision()).as("overall precision").isGreaterThanOrEqualTo(MIN_OVERALL_PRECISION);
        assertThat(overall.recall()).as("overall recall").isGreaterThanOrEqualTo(MIN_OVERALL_RECALL);
    }

    @Test
    void labels_areWhatTheFieldRulesWouldStore() throws IOException {
        for (var message : labelledMessages()) {
            for (String field : FIELDS) {
                String expected = message.expected().get(field);
                if (!expected.isEmpty()) {
                    var definition = SCHEMA.field(field).orElseThrow();

                    var check = FieldRules.check(definition, expected);

                    assertThat(check)
                            .as("label %s in: %s", field, message.text())
                            .isEqualTo(new FieldCheck.Valid(expected));
                }
            }
        }
    }

    private static Map<String, Set<String>> extractedByField(String text) {
        var byField = new LinkedHashMap<String, Set<String>>();
        for (var value : ProfileExtractor.extract(text, SCHEMA)) {
            var definition = SCHEMA.field(value.field()).orElseThrow();
            if (FieldRules.check(definition, value.raw()) instanceof FieldCheck.Valid(var normalized)) {
                byField.computeIfAbsent(value.field(), f -> new LinkedHashSet<>())
                        .add(normalized);
            }
        }
        return byField;
    }

    private static List<LabelledMessage> labelledMessages() throws IOException {
        String tsv;
        try (InputStream in =
                Objects.requireNonNull(LabelledMessagesTest.class.getResourceAsStream(DATASET), DATASET)) {
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var lines = tsv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("text\tname\temail\tphone\torderNumber");
        var messages = new ArrayList<LabelledMessage>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            var columns = line.split("\t", -1);
            assertThat(columns).as("columns of: %s", line).hasSize(1 + FIELDS.size());
            var expected = new LinkedHashMap<String, String>();
            for (int i = 0; i < FIELDS.size(); i++) {
                expected.put(FIELDS.get(i), columns[i + 1].strip());
            }
            messages.add(new LabelledMessage(columns[0].replace("\\n", "\n"), expected));
        }
        return messages;
    }

    /** One message of the dataset and what a careful person would read from it ("" when absent). */
    private record LabelledMessage(String text, Map<String, String> expected) {}

    /** True and false positives and false negatives, counted over messages. */
    private static final class Score {
        private int truePositives;
        private int falsePositives;
        private int falseNegatives;

        void add(String expected, Set<String> found) {
            boolean hit = !expected.isEmpty() && found.contains(expected);
            truePositives += hit ? 1 : 0;
            falsePositives += found.size() - (hit ? 1 : 0);
            falseNegatives += !expected.isEmpty() && !hit ? 1 : 0;
        }

        void addAll(Score other) {
            truePositives += other.truePositives;
            falsePositives += other.falsePositives;
            falseNegatives += other.falseNegatives;
        }

        double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? 1.0 : (double) truePositives / found;
        }

        double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1.0 : (double) truePositives / expected;
        }

        String line(String field) {
            return String.format(
                    Locale.ROOT,
                    "%-12s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)",
                    field,
                    precision(),
                    recall(),
                    truePositives,
                    falsePositives,
                    falseNegatives);
        }
    }
}

package sportello.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of extraction checked on thousands of generated inputs. The generator is seeded, so a failure is
 * reproducible: the assertion names the input.
 */
class ProfileExtractorPropertiesTest {

    private static final long SEED = 20261116L;
    private static final int RUNS = 3_000;
    private static final int MOBILES = 1_000; // each written in all 16 formats

    private final RandomMessages random = new RandomMessages(SEED);

    @Test
    void anyValidEmail_embeddedInChatter_isExtractedExactly() {
        for (int i = 0; i < RUNS; i++) {
            String email = random.email();
            String text = random.around(email);

            var found = TestExtraction.emails(text);

            assertThat(found).as("e-mail in %s", text).containsExactly(lowerCaseDomain(email));
        }
    }

    /**
     * The number follows, in a new sentence, a word that announces a phone or nothing in particular; right after
     * "ordine" or "tracking" a bare number is rightly not taken as a phone (see {@link PhoneExtractionTest}).
     */
    @Test
    void anyItalianMobile_inAnyCommonFormat_normalisesToTheSameE164() {
        for (int i = 0; i < MOBILES; i++) {
            String mobile = random.italianMobile();
            String expected = "+39" + mobile;

            for (var format : MOBILE_FORMATS) {
                String written = format.apply(mobile);
                String text = random.filler(5) + random.pick(List.of(". ", "! ", "? ", "\n", " 😊 "))
                        + random.pick(PHONE_INTRODUCTIONS) + written
                        + random.pick(List.of("", " ", ".", ", grazie", "\n")) + " " + random.filler(5);

                assertThat(FieldRules.check(
                                ProfileSchema.standard().field("phone").orElseThrow(), written))
                        .as("check of %s", written)
                        .isEqualTo(new FieldCheck.Valid(expected));
                assertThat(TestExtraction.phones(text)).as("phone in %s", text).containsExactly(expected);
            }
        }
    }

    @Test
    void extraction_neverThrows_andEverythingItReturnsPassesTheFieldRules() {
        for (var schema : List.of(ProfileSchema.standard(), TestSchemas.shoeShop())) {
            for (int i = 0; i < RUNS; i++) {
                String text = random.anything(300);

                var extracted = ProfileExtractor.extract(text, schema);

                assertPassesRules(schema, extracted, text);
            }
        }
    }

    @Test
    void veryLongInput_isHandled_andStillFindsWhatIsInIt() {
        String noise = random.anything(200_000);
        String text = noise + " mi chiamo Giulia Rossi, giulia@example.it, cell 347 123 4567, ordine 12345 " + noise;

        var extracted = ProfileExtractor.extract(text, ProfileSchema.standard());

        assertPassesRules(ProfileSchema.standard(), extracted, "(long input)");
        assertThat(extracted).extracting(ExtractedValue::raw).contains("giulia@example.it");
    }

    @Test
    void pathologicalRepetitions_areHandled() {
        var inputs = List.of(
                "a.".repeat(100_000) + "@",
                "@".repeat(100_000),
                "1 ".repeat(100_000),
                "3".repeat(100_000),
                "sono ".repeat(50_000) + "Marco",
                "ordine ".repeat(50_000) + "12345",
                "Marco ".repeat(50_000) + "qui",
                "(+39) ".repeat(50_000),
                "a@b.".repeat(50_000) + "it",
                "😊".repeat(100_000));

        for (String text : inputs) {
            var extracted = ProfileExtractor.extract(text, ProfileSchema.standard());

            assertPassesRules(ProfileSchema.standard(), extracted, text.substring(0, 20) + "…");
        }
    }

    @Test
    void extraction_isDeterministic() {
        for (int i = 0; i < RUNS / 10; i++) {
            String text = random.anything(200);

            var first = ProfileExtractor.extract(text, ProfileSchema.standard());
            var second = ProfileExtractor.extract(text, ProfileSchema.standard());

            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void normalising_aNormalisedValue_changesNothing() {
        var schema = TestSchemas.shoeShop();
        for (int i = 0; i < RUNS; i++) {
            for (var field : schema.fields()) {
                String raw = rawValueFor(field.type());

                if (FieldRules.check(field, raw) instanceof FieldCheck.Valid(var normalized)) {
                    assertThat(FieldRules.check(field, normalized))
                            .as("%s: %s normalised to %s", field.name(), raw, normalized)
                            .isEqualTo(new FieldCheck.Valid(normalized));
                }
            }
        }
    }

    private String rawValueFor(FieldType type) {
        String spaces = random.pick(List.of("", " ", "  ", "\t"));
        String value = switch (type) {
            case EMAIL -> random.email();
            case PHONE -> random.pick(MOBILE_FORMATS).apply(random.italianMobile());
            case NAME ->
                random.pick(List.of("giulia  rossi", "Anna-Maria D’Amico", "JOHN SMITH", "Niccolò"))
                        + spaces
                        + random.word("abcdefgh ", 0, 6);
            case ORDER_NUMBER ->
                random.pick(List.of("#", "", "# ")) + random.word("abAB-", 0, 3) + random.digits(3, 11);
            case TEXT -> random.anything(30);
        };
        return spaces + value + spaces;
    }

    private static void assertPassesRules(ProfileSchema schema, List<ExtractedValue> extracted, String text) {
        for (var value : extracted) {
            var field = schema.field(value.field()).orElseThrow();
            assertThat(FieldRules.check(field, value.raw()))
                    .as("%s '%s' from %s", value.field(), value.raw(), text)
                    .isInstanceOf(FieldCheck.Valid.class);
        }
    }

    private static String lowerCaseDomain(String email) {
        int at = email.lastIndexOf('@');
        return email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static final List<String> PHONE_INTRODUCTIONS = List.of(
            "cell ",
            "tel. ",
            "numero: ",
            "al ",
            "chiamami al ",
            "whatsapp ",
            "contatto: ",
            "my number is ",
            "sono al ",
            "\n",
            "ecco: ",
            "call me on ",
            "scrivetemi al ");

    /** How people write 3471234567. */
    private static final List<Function<String, String>> MOBILE_FORMATS = List.of(
            m -> m,
            m -> m.substring(0, 3) + " " + m.substring(3, 6) + " " + m.substring(6),
            m -> m.substring(0, 3) + " " + m.substring(3),
            m -> m.substring(0, 3) + "-" + m.substring(3, 6) + "-" + m.substring(6),
            m -> m.substring(0, 3) + "." + m.substring(3, 6) + "." + m.substring(6),
            m -> m.substring(0, 3) + "/" + m.substring(3),
            m -> "+39" + m,
            m -> "+39 " + m,
            m -> "+39 " + m.substring(0, 3) + " " + m.substring(3),
            m -> "+39 " + m.substring(0, 3) + " " + m.substring(3, 6) + " " + m.substring(6),
            m -> "0039 " + m,
            m -> "0039" + m,
            m -> "0039 " + m.substring(0, 3) + " " + m.substring(3, 6) + " " + m.substring(6),
            m -> "(+39) " + m.substring(0, 3) + "." + m.substring(3, 6) + "." + m.substring(6),
            m -> "(+39) " + m,
            m -> "39" + m);
}

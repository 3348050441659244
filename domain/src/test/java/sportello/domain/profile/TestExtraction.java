package sportello.domain.profile;

import java.util.List;

/** Runs the extractor with the standard schema and picks out one field, for tests. */
final class TestExtraction {

    private TestExtraction() {}

    static List<String> valuesOf(String field, String text) {
        return valuesOf(field, text, ProfileSchema.standard());
    }

    static List<String> valuesOf(String field, String text, ProfileSchema schema) {
        return ProfileExtractor.extract(text, schema).stream()
                .filter(v -> v.field().equals(field))
                .map(ExtractedValue::raw)
                .toList();
    }

    static List<String> emails(String text) {
        return valuesOf(ProfileSchema.EMAIL, text);
    }

    static List<String> phones(String text) {
        return valuesOf(ProfileSchema.PHONE, text);
    }

    static List<String> orderNumbers(String text) {
        return valuesOf(ProfileSchema.ORDER_NUMBER, text);
    }

    static List<String> names(String text) {
        return valuesOf(ProfileSchema.NAME, text);
    }
}

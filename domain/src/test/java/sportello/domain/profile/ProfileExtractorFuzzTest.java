package sportello.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.regex.Pattern;

/**
 * Whatever a customer types, extraction never throws, finds only values that are in the text, and offers only values
 * the field rules accept (the profile never receives garbage from it). {@code ./mvnw test} replays the seeds in
 * {@code ProfileExtractorFuzzTestInputs}; {@code ./mvnw verify} also fuzzes for {@code maxDuration}.
 */
class ProfileExtractorFuzzTest {

    private static final ProfileSchema SCHEMA = ProfileSchema.standard();
    private static final ProfileSchema WITH_CUSTOM_FIELD = SCHEMA.with(
            new FieldDefinition("tessera", "numero tessera", FieldType.TEXT, Pattern.compile("T-\\d{5}"), false));

    @FuzzTest(maxDuration = "15s")
    void anyMessage_yieldsOnlyValidValuesFoundInIt(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);

        for (ProfileSchema schema : new ProfileSchema[] {SCHEMA, WITH_CUSTOM_FIELD}) {
            for (ExtractedValue value : ProfileExtractor.extract(text, schema)) {
                var field = schema.field(value.field()).orElseThrow();
                assertThat(FieldRules.check(field, value.raw()))
                        .as("%s offered for %s from %s", value.raw(), value.field(), text)
                        .isInstanceOf(FieldCheck.Valid.class);
            }
        }
    }
}

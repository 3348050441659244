package sportello.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldRulesTest {

    private static final FieldDefinition NAME = TestSchemas.field(FieldType.NAME);
    private static final FieldDefinition EMAIL = TestSchemas.field(FieldType.EMAIL);
    private static final FieldDefinition PHONE = TestSchemas.field(FieldType.PHONE);
    private static final FieldDefinition ORDER = TestSchemas.field(FieldType.ORDER_NUMBER);
    private static final FieldDefinition TEXT = TestSchemas.field(FieldType.TEXT);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "347 123 4567          | +393471234567",
                "+39 347 1234567       | +393471234567",
                "0039 3471234567       | +393471234567",
                "347-123-4567          | +393471234567",
                "(+39) 347.123.4567    | +393471234567",
                "393471234567          | +393471234567",
                "347/1234567           | +393471234567",
                "02 1234 5678          | +390212345678",
                "06 123456             | +3906123456",
                "+39 02 1234 5678      | +390212345678",
                "+44 20 7946 0958      | +442079460958",
                "+44 (0)20 7946 0958   | +442079460958",
                "+1 (415) 555-0132     | +14155550132",
                "+33 1 23 45 67 89     | +33123456789",
                "+49 30 1234567        | +49301234567",
            })
    void phone_isNormalisedToE164(String written, String expected) {
        var check = FieldRules.check(PHONE, written);

        assertThat(check).isEqualTo(new FieldCheck.Valid(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"12", "1234567", "800 123 456", "abc", "+39 3", "20121", "347 123 45678 9", "+0 123 4567 89"})
    void implausiblePhone_isInvalid(String written) {
        var check = FieldRules.check(PHONE, written);

        assertThat(check).isInstanceOf(FieldCheck.Invalid.class);
    }

    @Test
    void italianTrunkZero_inBrackets_isKept() {
        var check = FieldRules.check(PHONE, "+39 (0)2 1234 5678");

        assertThat(check).isEqualTo(new FieldCheck.Valid("+390212345678"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "giulia.rossi@example.it       | giulia.rossi@example.it",
                "Giulia.Rossi@EXAMPLE.IT       | Giulia.Rossi@example.it",
                "  john+shop@Gmail.com         | john+shop@gmail.com",
                "a_b-c@sub.domain.co.uk        | a_b-c@sub.domain.co.uk",
            })
    void email_keepsLocalPart_andLowerCasesDomain(String written, String expected) {
        var check = FieldRules.check(EMAIL, written);

        assertThat(check).isEqualTo(new FieldCheck.Valid(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "giulia",
                "giulia@",
                "@example.it",
                "giulia@example",
                "giu lia@example.it",
                "a..b@example.it",
                "giulia@-example.it",
                "giulia@example.i"
            })
    void malformedEmail_isInvalid(String written) {
        var check = FieldRules.check(EMAIL, written);

        assertThat(check).isInstanceOf(FieldCheck.Invalid.class);
    }

    @Test
    void emailWithTooLongLocalPart_isInvalid() {
        var check = FieldRules.check(EMAIL, "a".repeat(65) + "@example.it");

        assertThat(check).isInstanceOf(FieldCheck.Invalid.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"#ab-12345 | AB-12345", "12345 | 12345", " ord-2026/11 | ORD-2026/11"})
    void orderNumber_isUpperCased_withoutHash(String written, String expected) {
        var check = FieldRules.check(ORDER, written);

        assertThat(check).isEqualTo(new FieldCheck.Valid(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "-1234", "12 34", "ordine 1234", "1"})
    void malformedOrderNumber_isInvalid(String written) {
        var check = FieldRules.check(ORDER, written);

        assertThat(check).isInstanceOf(FieldCheck.Invalid.class);
    }

    @Test
    void orderNumberNotMatchingTheBusinessPattern_isInvalid() {
        var field =
                new FieldDefinition("orderNumber", "Ordine", FieldType.ORDER_NUMBER, Pattern.compile("\\d{6}"), true);

        var check = FieldRules.check(field, "12345");

        assertThat(check).isInstanceOf(FieldCheck.Invalid.class);
        assertThat(((FieldCheck.Invalid) check).reason()).startsWith("Ordine '12345' does not match");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Giulia Rossi        | Giulia Rossi",
                "  Giulia   Rossi    | Giulia Rossi",
                "Anna-Maria D'Amico  | Anna-Maria D'Amico",
                "Niccolò Dell’Orto   | Niccolò Dell’Orto",
                "José Álvarez        | José Álvarez",
            })
    void name_isKeptAsWritten_withSpacesCollapsed(String written, String expected) {
        var check = FieldRules.check(NAME, written);

        assertThat(check).isEqualTo(new FieldCheck.Valid(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"R2D2", "giulia@example.it", "-Giulia", "347 1234567", "Giulia!"})
    void nameWithDigitsOrSymbols_isInvalid(String written) {
        var check = FieldRules.check(NAME, written);

        assertThat(check).isInstanceOf(FieldCheck.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void blankValue_isInvalid_forEveryType(String written) {
        for (var field : new FieldDefinition[] {NAME, EMAIL, PHONE, ORDER, TEXT}) {
            assertThat(FieldRules.check(field, written)).isInstanceOf(FieldCheck.Invalid.class);
        }
    }

    @Test
    void nullValue_isInvalid() {
        var check = FieldRules.check(TEXT, null);

        assertThat(check).isEqualTo(new FieldCheck.Invalid("text is empty"));
    }

    @Test
    void valueLongerThan200Characters_isInvalid() {
        var check = FieldRules.check(TEXT, "x".repeat(201));

        assertThat(check).isInstanceOf(FieldCheck.Invalid.class);
    }

    @Test
    void text_isStripped() {
        var check = FieldRules.check(TEXT, "  42 e mezzo ");

        assertThat(check).isEqualTo(new FieldCheck.Valid("42 e mezzo"));
    }
}

package sportello.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.domain.profile.TestExtraction.emails;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailExtractionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "scrivimi a giulia.rossi@example.it.                 | giulia.rossi@example.it",
                "la mia mail è giulia.rossi@example.it, grazie       | giulia.rossi@example.it",
                "(giulia.rossi@example.it)                           | giulia.rossi@example.it",
                "email: <giulia.rossi@example.it>                    | giulia.rossi@example.it",
                "\"giulia.rossi@example.it\"                         | giulia.rossi@example.it",
                "Mail:giulia.rossi@example.it!                       | giulia.rossi@example.it",
                "write to john.smith+orders@gmail.com?               | john.smith+orders@gmail.com",
                "my email is John.Smith@EXAMPLE.CO.UK                | John.Smith@example.co.uk",
                "Giulia@Example.It                                   | Giulia@example.it",
                "mandate tutto a info@pasticceria-dolce.it...        | info@pasticceria-dolce.it",
                "mario@gmail.com.Grazie mille                        | mario@gmail.com",
                "...mario.rossi@libero.it                            | mario.rossi@libero.it",
                "it's 'anna_b@outlook.com'                           | anna_b@outlook.com",
            })
    void emailInText_isExtractedWithoutSurroundingPunctuation(String text, String expected) {
        var found = emails(text);

        assertThat(found).containsExactly(expected);
    }

    @Test
    void twoEmails_areBothExtracted_inOrder() {
        var found = emails("vecchia: a.rossi@libero.it, nuova: anna.rossi@gmail.com");

        assertThat(found).containsExactly("a.rossi@libero.it", "anna.rossi@gmail.com");
    }

    @Test
    void sameEmailTwice_isExtractedOnce() {
        var found = emails("giulia@example.it ripeto GIULIA@example.it no, giulia@EXAMPLE.it");

        assertThat(found).containsExactly("giulia@example.it", "GIULIA@example.it");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "seguiteci su @pasticceria_dolce",
                "ci vediamo @ 10:30",
                "mario chiocciola gmail punto com",
                "mario@gmail",
                "prezzo 10€ @ pezzo",
                "@@@",
                "giulia@.it",
            })
    void textWithoutACompleteAddress_givesNoEmail(String text) {
        var found = emails(text);

        assertThat(found).isEmpty();
    }

    @Test
    void emailAddress_isNotAlsoTakenAsPhoneOrOrderNumber() {
        var extracted = ProfileExtractor.extract("3471234567@example.it e ord12345@shop.it", ProfileSchema.standard());

        assertThat(extracted).extracting(ExtractedValue::field).containsOnly(ProfileSchema.EMAIL);
    }
}

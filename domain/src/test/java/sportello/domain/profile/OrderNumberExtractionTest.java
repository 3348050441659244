package sportello.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.domain.profile.TestExtraction.orderNumbers;
import static sportello.domain.profile.TestExtraction.valuesOf;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderNumberExtractionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ordine 12345 non arrivato                  | 12345",
                "il mio ordine è il 12345                    | 12345",
                "ordine n. 12345                             | 12345",
                "ordine n.12345                              | 12345",
                "ordine nr. 4471 del 14/11/2026              | 4471",
                "numero d'ordine 98765                       | 98765",
                "numero ordine: 98765                        | 98765",
                "n° ordine 98765                             | 98765",
                "order 12345                                 | 12345",
                "order #12345                                | 12345",
                "Order number: 55012                         | 55012",
                "order no. 3344                              | 3344",
                "#784512 still processing                    | 784512",
                "n. 908172                                   | 908172",
                "nr. 908172                                  | 908172",
                "ordine ab-20261                             | AB-20261",
                "avete novità su ORD-88213?                  | ORD-88213",
                "ordine #A-5521                              | A-5521",
            })
    void cuedOrderNumber_isExtracted(String text, String expected) {
        var found = orderNumbers(text);

        assertThat(found).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ho pagato 12345",
                "CAP 20121",
                "consegna il 14/11/2026",
                "ordine del 14/11/2026",
                "ordine del 2025",
                "ordine di 2000 pezzi",
                "order of 1500 units",
                "ordine da 1299 euro",
                "ho pagato 1.299,00 €",
                "alle 10:30",
                "tracking 12345678",
                "IBAN IT60X0542811101000000123456",
                "pratica 2026/4471",
                "tessera fedeltà n. 0000123456",
                "scontrino n. 0042",
                "il corriere mi ha lasciato l'avviso n. 7788990011",
                "ordine #4521-B",
                "modello XR-2000",
                "arrivo col volo AZ1234 alle 14:05",
                "codice sconto WELCOME2026",
                "il mio numero è 3471234567",
                "tel. n. 3471234567",
            })
    void numbersThatAreNotOrderNumbers_giveNone(String text) {
        var found = orderNumbers(text);

        assertThat(found).isEmpty();
    }

    @Test
    void twoOrderNumbers_theFirstIsTaken() {
        var found = orderNumbers("order 12345 and order 67890");

        assertThat(found).containsExactly("12345");
    }

    @Test
    void businessPattern_decidesWhatAnOrderNumberLooksLike() {
        var schema = ProfileSchema.standard(Pattern.compile("SP-\\d{6}"));

        var found = valuesOf(ProfileSchema.ORDER_NUMBER, "ordine 12345, anzi SP-202611", schema);

        assertThat(found).containsExactly("SP-202611");
    }

    @Test
    void anchoredBusinessPattern_stillFindsTheNumberInText() {
        var schema = ProfileSchema.standard(Pattern.compile("^\\d{8}$"));

        var found = valuesOf(ProfileSchema.ORDER_NUMBER, "numero ordine: 20261114, grazie", schema);

        assertThat(found).containsExactly("20261114");
    }

    @Test
    void businessPatternWithItsOwnGroups_works() {
        var schema = ProfileSchema.standard(Pattern.compile("(WEB|POS)-(\\d{5})"));

        var found = valuesOf(ProfileSchema.ORDER_NUMBER, "ordine pos-12345", schema);

        assertThat(found).containsExactly("POS-12345");
    }
}

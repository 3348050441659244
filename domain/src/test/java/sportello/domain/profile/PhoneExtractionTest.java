package sportello.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.domain.profile.TestExtraction.phones;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneExtractionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "chiamami al 347 123 4567                   | +393471234567",
                "numero: +39 347 1234567                     | +393471234567",
                "0039 3471234567 grazie                      | +393471234567",
                "cell 347-123-4567                           | +393471234567",
                "(+39) 347.123.4567                          | +393471234567",
                "tel. 347/1234567                            | +393471234567",
                "3471234567.                                 | +393471234567",
                "il mio cellulare è il 3471234567, grazie    | +393471234567",
                "ufficio 02 1234 5678                        | +390212345678",
                "02 1234 5678                                | +390212345678",
                "0331 123456                                 | +390331123456",
                "UK: +44 20 7946 0958                        | +442079460958",
                "+44 (0)20 7946 0958                         | +442079460958",
                "call me on +1 (415) 555-0132                | +14155550132",
                "my number is +33 6 12 34 56 78              | +33612345678",
                "whatsapp +393471234567                      | +393471234567",
                "pacco in ritardo, il mio numero è 3471234567 | +393471234567",
                "tracking 123, anyway my number is 3471234567 | +393471234567",
                "393471234567                                | +393471234567",
                "39 347 123 4567                             | +393471234567",
                "393 123 4567                                | +393931234567",
                "347 123 4567 14/11/2026                     | +393471234567",
                "alle 10:30 3471234567                       | +393471234567",
            })
    void phoneInText_isNormalisedToE164(String text, String expected) {
        var found = phones(text);

        assertThat(found).containsExactly(expected);
    }

    @Test
    void shortLandline_isTakenOnlyWhenAnnouncedAsAPhone() {
        var announced = phones("telefono fisso 06 12345");
        var unannounced = phones("ho speso 06 12345");

        assertThat(announced).containsExactly("+390612345");
        assertThat(unannounced).isEmpty();
    }

    @Test
    void twoPhones_theFirstIsTaken() {
        var found = phones("cell 347 111 2222, fisso 02 1234 5678");

        assertThat(found).containsExactly("+393471112222");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ordine del 14/11/2026",
                "consegna il 03/12/2026 o il 2026-12-03",
                "scade il 03.12.2026",
                "ho pagato 49,90 € il 3/11",
                "totale 1.299,00 euro",
                "costa 300.000.000 di lire",
                "CAP 20121 Milano",
                "spedite a 00184 Roma?",
                "alle 10:30 o alle 17.30",
                "ordine 3471234567",
                "order number: 0212345678",
                "tracking 0034 1234 5678 9012",
                "tracking number 3471234567",
                "IBAN IT60 X054 2811 1010 0000 0123 456",
                "IBAN: IT60X0542811101000000123456",
                "P.IVA 01234567890",
                "01234567890",
                "carta 4111 1111 1111 1111",
                "codice 1Z999AA10123456784",
                "3471234567abc",
                "ne vorrei 2000 pezzi",
                "numero verde 800 123 456",
                "n. 0212345678",
                "versione 3.4.1234567",
            })
    void numbersThatAreNotPhones_giveNoPhone(String text) {
        var found = phones(text);

        assertThat(found).isEmpty();
    }

    @Test
    void numberRightAfterAPhoneCue_winsOverAnOrderCueFurtherBack() {
        var found = phones("ordine 12345, tel. 0212345678");

        assertThat(found).containsExactly("+390212345678");
    }
}

package sportello.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.domain.profile.TestExtraction.names;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameExtractionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mi chiamo Giulia Rossi                              | Giulia Rossi",
                "Buongiorno, mi chiamo Giulia Rossi e vorrei info   | Giulia Rossi",
                "mi chiamo giulia rossi                              | Giulia Rossi",
                "MI CHIAMO GIULIA ROSSI                              | Giulia Rossi",
                "il mio nome è Francesca Bianchi                     | Francesca Bianchi",
                "sono Marco                                          | Marco",
                "Ciao, sono Marco, avete il modello XR?              | Marco",
                "Sono Paolo De Luca. Il pacco non è arrivato         | Paolo De Luca",
                "io sono Federica                                    | Federica",
                "sono la signora Ferrari                             | Ferrari",
                "my name is John Smith                               | John Smith",
                "My name is Dr. Ahmed Khan and I'd like to book      | Ahmed Khan",
                "Hello, my name is john smith and I ordered          | John Smith",
                "I'm Anna                                            | Anna",
                "I’m Anna, order 12345                               | Anna",
                "Hi, I am Tom Baker from Leeds                       | Tom Baker",
                "This is Sarah from the shop next door               | Sarah",
                "Marco Rossi qui, avete ricevuto il reso?            | Marco Rossi",
                "Hi there! Jack here, any news?                      | Jack",
                "Nome: Chiara Conti                                  | Chiara Conti",
                "Cordiali saluti, Alessandro Greco                   | Alessandro Greco",
                "Sono Anna-Maria D’Amico                             | Anna-Maria D’Amico",
                "sono Niccolò                                        | Niccolò",
            })
    void introduction_givesTheName(String text, String expected) {
        var found = names(text);

        assertThat(found).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sono contento",
                "Sono contenta del servizio",
                "sono interessata alla borsa",
                "Sono interessato",
                "sono molto deluso",
                "Sono di Milano",
                "sono a Roma fino al 20",
                "Sono le 10:45",
                "sono io, Marco",
                "Sono Italiana ma vivo a Londra",
                "sono disponibile dopo le 18",
                "I'm looking for a gift",
                "I'm so happy with the shoes",
                "I'm Italian but live in Dublin",
                "I am available on Monday",
                "I'm in London until Friday",
                "Hi, it's about order 12321",
                "Ciao Marco, grazie per l'aiuto",
                "Il tuo collega Luca mi ha detto di scrivervi",
                "CIAO SONO FURIOSO, L'ORDINE NON È ARRIVATO",
                "Tutto qui.",
                "Click here to confirm",
                "Abito qui vicino",
                "Nome prodotto: Borsa Tote",
                "ciao sono marco",
            })
    void noIntroduction_givesNoName(String text) {
        var found = names(text);

        assertThat(found).isEmpty();
    }
}

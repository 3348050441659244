package sportello.ports.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void numberedPlaceholders_takeTheirValues_inAnyOrder() {
        var template = new MessageTemplate("t", "it", "UTILITY", "Ordine {{2}} per {{1}}: pronto, {{1}}!", 2);

        assertThat(template.render(List.of("Giulia", "58213"))).isEqualTo("Ordine 58213 per Giulia: pronto, Giulia!");
    }

    @Test
    void namedPlaceholders_takeValuesInFirstAppearanceOrder_andRepeatTheirs() {
        var template = new MessageTemplate("t", "it", "UTILITY", "Ciao {{nome}}, {{giorno}} alle 9. A {{giorno}}!", 2);

        assertThat(template.render(List.of("Giulia", "lunedì"))).isEqualTo("Ciao Giulia, lunedì alle 9. A lunedì!");
    }

    @Test
    void missingValues_leaveThePlaceholderVisible() {
        var template = new MessageTemplate("t", "it", "UTILITY", "Ciao {{1}}, ordine {{2}}", 2);

        assertThat(template.render(List.of("Giulia"))).isEqualTo("Ciao Giulia, ordine {{2}}");
    }
}

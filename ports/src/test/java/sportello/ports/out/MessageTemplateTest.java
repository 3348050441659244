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

    private static final MessageTemplate TRACKING = new MessageTemplate(
            "traccia_spedizione",
            "it",
            "UTILITY",
            "Ciao {{1}}, il pacco è partito.",
            1,
            sportello.domain.conversation.TemplateHeader.Format.IMAGE,
            List.of(1));

    private static sportello.domain.conversation.TemplateMessage message(
            sportello.domain.conversation.TemplateHeader header,
            List<sportello.domain.conversation.TemplateButton> buttons) {
        return new sportello.domain.conversation.TemplateMessage(
                "traccia_spedizione", "it", List.of("Giulia"), header, buttons);
    }

    @Test
    void templateWithImageHeaderAndLinkButton_needsBoth() {
        var image = new sportello.domain.conversation.TemplateHeader(
                sportello.domain.conversation.TemplateHeader.Format.IMAGE, "https://files.example.it/pacco.jpg");
        var link = new sportello.domain.conversation.TemplateButton(
                1, sportello.domain.conversation.TemplateButton.Kind.URL, "58213");

        assertThat(TRACKING.refusal(message(image, List.of(link)))).isEmpty();
        assertThat(TRACKING.refusal(message(null, List.of(link))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("needs a header image"));
        assertThat(TRACKING.refusal(message(image, List.of())))
                .hasValueSatisfying(reason -> assertThat(reason).contains("link of button 1"));
        var wrongButton = new sportello.domain.conversation.TemplateButton(
                0, sportello.domain.conversation.TemplateButton.Kind.URL, "58213");
        assertThat(TRACKING.refusal(message(image, List.of(link, wrongButton))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("button 0"));
    }

    @Test
    void templateWithoutHeader_refusesOne_andAQuickReplyPayloadIsAlwaysOptional() {
        var plain = new MessageTemplate("t", "it", "UTILITY", "Ciao {{1}}", 1);
        var payload = new sportello.domain.conversation.TemplateButton(
                0, sportello.domain.conversation.TemplateButton.Kind.QUICK_REPLY, "OK_58213");
        var text = new sportello.domain.conversation.TemplateHeader(
                sportello.domain.conversation.TemplateHeader.Format.TEXT, "Ordine");

        assertThat(plain.refusal(new sportello.domain.conversation.TemplateMessage(
                        "t", "it", List.of("Giulia"), null, List.of(payload))))
                .isEmpty();
        assertThat(plain.refusal(new sportello.domain.conversation.TemplateMessage(
                        "t", "it", List.of("Giulia"), text, List.of())))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no header"));
    }
}

package sportello.web.simulator;

import java.util.List;
import sportello.domain.conversation.TemplateHeader;
import sportello.ports.out.MessageTemplate;
import sportello.ports.out.Templates;

/**
 * Two example templates for demo mode, so staff can try what happens once a customer's 24-hour window has
 * closed; a real number lists the templates approved in WhatsApp Manager instead.
 */
public final class SimulatorTemplates implements Templates {

    private static final List<MessageTemplate> EXAMPLES = List.of(
            new MessageTemplate(
                    "aggiornamento_ordine", "it", "UTILITY", "Ciao {{1}}, il tuo ordine {{2}} è in viaggio.", 2),
            new MessageTemplate("order_update", "en", "UTILITY", "Hi {{1}}, your order {{2}} is on its way.", 2),
            new MessageTemplate(
                    "traccia_spedizione",
                    "it",
                    "UTILITY",
                    "Ciao {{1}}, il tuo pacco è partito: seguilo dal pulsante qui sotto.",
                    1,
                    TemplateHeader.Format.IMAGE,
                    List.of(0)));

    @Override
    public List<MessageTemplate> approved() {
        return EXAMPLES;
    }

    @Override
    public void refresh() {}
}

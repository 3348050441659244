package sportello.web.simulator;

import java.util.List;
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
            new MessageTemplate("order_update", "en", "UTILITY", "Hi {{1}}, your order {{2}} is on its way.", 2));

    @Override
    public List<MessageTemplate> approved() {
        return EXAMPLES;
    }

    @Override
    public void refresh() {}
}

package sportello.ports.fake;

import java.util.ArrayList;
import java.util.List;
import sportello.ports.out.MessageTemplate;
import sportello.ports.out.Templates;

/** A template catalogue in memory; {@link #unavailable} makes the channel unreachable. */
public final class StaticTemplates implements Templates {

    /** The fixtures' order-update template: Italian, two body values. */
    public static final MessageTemplate ORDER_UPDATE = new MessageTemplate(
            "aggiornamento_ordine", "it", "UTILITY", "Ciao {{1}}, il tuo ordine {{2}} è in viaggio.", 2);

    private final List<MessageTemplate> templates = new ArrayList<>(List.of(ORDER_UPDATE));
    private String unavailable;
    private int refreshes;

    public synchronized StaticTemplates with(MessageTemplate template) {
        templates.add(template);
        return this;
    }

    public synchronized StaticTemplates unavailable(String reason) {
        unavailable = reason;
        return this;
    }

    @Override
    public synchronized List<MessageTemplate> approved() {
        if (unavailable != null) {
            throw new TemplatesUnavailable(unavailable);
        }
        return List.copyOf(templates);
    }

    @Override
    public synchronized void refresh() {
        refreshes++;
    }

    public synchronized int refreshes() {
        return refreshes;
    }
}

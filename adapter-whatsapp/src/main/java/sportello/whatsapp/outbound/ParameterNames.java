package sportello.whatsapp.outbound;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.out.MessageTemplate;
import sportello.ports.out.Templates;
import sportello.ports.out.Templates.TemplatesUnavailable;
import sportello.whatsapp.templates.Placeholders;

/**
 * Looks up the names a named-parameter template expects ({@code {{first_name}}}), so each value can be sent with its
 * {@code parameter_name}. Numbered templates, and any template the catalogue cannot tell us about, get no names:
 * the send goes out as positional and WhatsApp's answer decides.
 */
final class ParameterNames {

    private static final Logger log = LoggerFactory.getLogger(ParameterNames.class);

    private final Templates catalogue;

    ParameterNames(Templates catalogue) {
        this.catalogue = catalogue;
    }

    /** One name per value in order of appearance in the body, or empty. */
    List<String> of(TemplateMessage template) {
        if (template.parameters().isEmpty()) {
            return List.of();
        }
        List<MessageTemplate> approved;
        try {
            approved = catalogue.approved();
        } catch (TemplatesUnavailable e) {
            log.info("Sending template {} without parameter names: {}", template.name(), e.getMessage());
            return List.of();
        }
        return approved.stream()
                .filter(known ->
                        known.name().equals(template.name()) && known.language().equals(template.language()))
                .findFirst()
                .map(known -> Placeholders.in(known.body()))
                .filter(Placeholders::named)
                .filter(names -> names.size() == template.parameters().size())
                .orElse(List.of());
    }
}

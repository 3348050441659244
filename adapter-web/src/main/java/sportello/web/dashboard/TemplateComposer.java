package sportello.web.dashboard;

import java.util.List;
import java.util.Optional;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.in.SendTemplate;
import sportello.ports.in.SendToCustomer.Outcome;
import sportello.ports.out.MessageTemplate;
import sportello.ports.out.Templates.TemplatesUnavailable;

/** The composer's template side: the picker with the approved templates, and sending what staff prepared in it. */
final class TemplateComposer {

    private final SendTemplate templates;

    TemplateComposer(SendTemplate templates) {
        this.templates = templates;
    }

    TemplatePicker picker(
            Texts t, ConversationId conversation, String csrfToken, TemplateDraft draft, String error, boolean sent) {
        List<MessageTemplate> approved;
        String unavailable = null;
        try {
            approved = templates.templates();
        } catch (TemplatesUnavailable e) {
            approved = List.of();
            unavailable = e.getMessage();
        }
        var options = approved.stream().map(TemplateComposer::option).toList();
        return new TemplatePicker(t, conversation.value(), csrfToken, options, unavailable, draft, error, sent);
    }

    /** Queues the template; empty once queued, else why it was not, in words for staff. */
    Optional<String> send(Texts t, ConversationId conversation, TemplateDraft draft) {
        if (draft.isEmpty()) {
            return Optional.of(t.get("templates.chooseFirst"));
        }
        TemplateMessage message;
        try {
            message = draft.message();
        } catch (IllegalArgumentException e) {
            return Optional.of(t.format("templates.refused", e.getMessage()));
        }
        return switch (templates.send(conversation, message)) {
            case Outcome.Queued queued -> Optional.empty();
            case Outcome.Refused(var reason) -> Optional.of(t.format("templates.refused", reason));
        };
    }

    private static TemplatePicker.Option option(MessageTemplate template) {
        return new TemplatePicker.Option(
                template.name() + ":" + template.language(),
                template.name() + " (" + template.language() + ")",
                template.name(),
                template.language(),
                template.body(),
                template.parameters(),
                template.header() == null ? "" : template.header().name().toLowerCase(java.util.Locale.ROOT),
                template.linkButtons());
    }
}

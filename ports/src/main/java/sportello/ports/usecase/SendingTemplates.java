package sportello.ports.usecase;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.ports.in.SendTemplate;
import sportello.ports.in.SendToCustomer.Outcome;
import sportello.ports.in.UnknownConversation;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.Conversations;
import sportello.ports.out.MessageTemplate;
import sportello.ports.out.Outbox;
import sportello.ports.out.Templates;
import sportello.ports.out.Templates.TemplatesUnavailable;

/**
 * Queues an approved template. When the channel's list of templates can be read, the name, language and number
 * of values are checked against it first, so staff hear of a typo now and not from a failed tick later; when it
 * cannot, the template is sent unchecked and the channel's answer decides. Staff sending puts the conversation in
 * staff mode, like a typed reply.
 */
public final class SendingTemplates implements SendTemplate {

    private final Templates templates;
    private final Conversations conversations;
    private final Outbox outbox;
    private final InstantSource clock;
    private final Runnable queued;
    private final ConversationEvents events;

    public SendingTemplates(
            Templates templates,
            Conversations conversations,
            Outbox outbox,
            InstantSource clock,
            Runnable queued,
            ConversationEvents events) {
        this.templates = templates;
        this.conversations = conversations;
        this.outbox = outbox;
        this.clock = clock;
        this.queued = queued;
        this.events = events;
    }

    @Override
    public List<MessageTemplate> templates() {
        return templates.approved();
    }

    @Override
    public Outcome send(ConversationId conversation, TemplateMessage template) {
        var existing = conversations.byId(conversation).orElseThrow(() -> new UnknownConversation(conversation));
        return queue(existing, template);
    }

    @Override
    public Outcome sendTo(String to, TemplateMessage template) {
        Customer customer;
        try {
            customer = SendingToCustomer.recipient(to == null ? "" : to.strip());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(e.getMessage());
        }
        var conversation = conversations.byCustomer(customer).orElseGet(() -> {
            var started =
                    Conversation.start(new ConversationId(UUID.randomUUID().toString()), customer);
            conversations.save(started);
            return started;
        });
        return queue(conversation, template);
    }

    private Outcome queue(Conversation conversation, TemplateMessage template) {
        String text;
        try {
            text = checked(template)
                    .map(known -> known.render(template.parameters()))
                    .orElse(template.preview());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(e.getMessage());
        }
        if (conversation.mode() != Mode.HUMAN) {
            conversations.save(conversation.withMode(Mode.HUMAN));
        }
        var entry = outbox.enqueueTemplate(conversation.id(), Author.STAFF, template, text, clock.instant());
        queued.run();
        events.changed(conversation.id());
        return new Outcome.Queued(conversation.id(), entry);
    }

    /** The approved template this message names, empty when the list cannot be read. */
    private Optional<MessageTemplate> checked(TemplateMessage template) {
        List<MessageTemplate> approved;
        try {
            approved = templates.approved();
        } catch (TemplatesUnavailable e) {
            return Optional.empty();
        }
        var known = approved.stream()
                .filter(t -> t.name().equals(template.name()) && t.language().equals(template.language()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("there is no approved template '" + template.name()
                        + "' in language '" + template.language() + "'; approved: " + names(approved)
                        + ". A template must be approved in WhatsApp Manager before it can be sent."));
        known.refusal(template).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return Optional.of(known);
    }

    private static String names(List<MessageTemplate> approved) {
        return approved.isEmpty()
                ? "none"
                : String.join(
                        ", ",
                        approved.stream()
                                .map(t -> t.name() + " (" + t.language() + ")")
                                .toList());
    }
}

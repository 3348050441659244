package sportello.domain.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sportello.domain.customer.Customer;
import sportello.domain.profile.CustomerProfile;
import sportello.domain.profile.ExtractedValue;
import sportello.domain.profile.FieldType;
import sportello.domain.profile.ProfileExtractor;
import sportello.domain.profile.ProfileSchema;

/**
 * One customer's conversation with the business: its messages in order, who answers (bot or staff), what the
 * business knows about the customer, and whether staff should look at it. Immutable: every change returns a
 * new conversation.
 */
public record Conversation(
        ConversationId id,
        Customer customer,
        Mode mode,
        List<Message> messages,
        CustomerProfile profile,
        Attention attention,
        Instant windowClosedAt) {

    private static final Comparator<Message> CHRONOLOGICAL = Comparator.comparing(Message::at);

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(attention, "attention");
        var sorted = new ArrayList<>(messages);
        sorted.sort(CHRONOLOGICAL); // stable: equal timestamps keep arrival order
        messages = List.copyOf(sorted);
    }

    public Conversation(
            ConversationId id,
            Customer customer,
            Mode mode,
            List<Message> messages,
            CustomerProfile profile,
            Attention attention) {
        this(id, customer, mode, messages, profile, attention, null);
    }

    public static Conversation start(ConversationId id, Customer customer) {
        return new Conversation(id, customer, Mode.BOT, List.of(), CustomerProfile.EMPTY, Attention.NONE);
    }

    /**
     * Takes in a customer message: stores it once, learns what it can about the customer, and says whether the
     * bot should answer. A message the channel delivered before changes nothing.
     */
    public Reception receive(String messageId, CustomerMessage incoming, ProfileSchema schema) {
        var seen = messageWithChannelId(incoming.channelMessageId());
        if (seen.isPresent()) {
            return new Reception.AlreadySeen(this, seen.get());
        }
        var message = Message.inbound(messageId, withContext(incoming));
        var updatedProfile = learnFrom(incoming, messageId, schema);
        var withMessage = new ArrayList<>(messages);
        withMessage.add(message);
        var updated = new Conversation(
                id,
                customer.updatedWith(incoming.customer()),
                mode,
                withMessage,
                updatedProfile,
                attention,
                windowClosedAt);
        if (!incoming.kind().startsAgentTurn()) {
            return new Reception.NoAnswerNeeded(updated, message);
        }
        return switch (mode) {
            case BOT -> new Reception.BotAnswers(updated, message);
            case HUMAN -> new Reception.StaffAnswers(updated, message);
        };
    }

    /** A deletion names what was deleted, so staff still know what the customer had written. */
    private CustomerMessage withContext(CustomerMessage incoming) {
        if (incoming.kind() != MessageKind.DELETION) {
            return incoming;
        }
        var original = incoming.refersToValue().flatMap(this::messageWithChannelId);
        if (original.isEmpty() || original.get().text().isBlank()) {
            return incoming;
        }
        return new CustomerMessage(
                incoming.channelAccount(),
                incoming.channelMessageId(),
                incoming.customer(),
                incoming.kind(),
                incoming.text() + ": «" + original.get().text() + "»",
                incoming.sentAt(),
                incoming.raw(),
                incoming.attachment(),
                incoming.refersTo());
    }

    /**
     * Offers what the message says about the customer to the profile. A system notice is not the customer's words
     * and teaches nothing. A name already known is never replaced by one found in passing ("sono Marco"), and a
     * message that arrives late never overwrites what a newer message or a staff member recorded.
     */
    private CustomerProfile learnFrom(CustomerMessage incoming, String messageId, ProfileSchema schema) {
        if (incoming.kind() == MessageKind.SYSTEM || incoming.kind() == MessageKind.DELETION) {
            return profile;
        }
        var learned = profile;
        for (ExtractedValue value : ProfileExtractor.extract(incoming.text(), schema)) {
            var current = learned.value(value.field());
            boolean knownName = current.isPresent() && isNameField(value.field(), schema);
            boolean newerKnown =
                    current.isPresent() && current.get().recordedAt().isAfter(incoming.sentAt());
            if (!knownName && !newerKnown) {
                learned = learned.offer(schema, value.field(), value.raw(), messageId, incoming.sentAt())
                        .profile();
            }
        }
        return learned;
    }

    private static boolean isNameField(String field, ProfileSchema schema) {
        return schema.field(field).map(f -> f.type() == FieldType.NAME).orElse(false);
    }

    public Conversation append(Message message) {
        if (messages.stream().anyMatch(m -> m.id().equals(message.id()))) {
            return this;
        }
        var withMessage = new ArrayList<>(messages);
        withMessage.add(message);
        return new Conversation(id, customer, mode, withMessage, profile, attention, windowClosedAt);
    }

    public Conversation withMode(Mode newMode) {
        return new Conversation(id, customer, newMode, messages, profile, attention, windowClosedAt);
    }

    public Conversation withProfile(CustomerProfile newProfile) {
        return new Conversation(id, customer, mode, messages, newProfile, attention, windowClosedAt);
    }

    public Conversation flagForStaff(String reason, Instant at) {
        return new Conversation(id, customer, mode, messages, profile, Attention.needed(reason, at), windowClosedAt);
    }

    public Conversation attentionHandled() {
        return new Conversation(id, customer, mode, messages, profile, Attention.NONE, windowClosedAt);
    }

    public Optional<Message> messageWithChannelId(String channelMessageId) {
        return messages.stream()
                .filter(m -> channelMessageId.equals(m.channelMessageId()))
                .findFirst();
    }

    public Optional<Message> lastMessage() {
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.getLast());
    }

    public Optional<Instant> lastInboundAt() {
        return messages.stream()
                .filter(m -> m.direction() == Direction.IN)
                .map(Message::at)
                .max(Comparator.naturalOrder());
    }

    /**
     * The 24-hour window opened by the customer's last message; empty if the customer never wrote. A system
     * notice (say, the customer changed number) is sent by the channel, not the customer, and opens no window.
     */
    /**
     * The customer-service window the customer's last message opened, closed early when the channel refused a
     * free-form message as outside it after that (the channel knows best: clocks differ, and its rules change).
     */
    public Optional<ServiceWindow> serviceWindow() {
        var opened = messages.stream()
                .filter(m -> m.direction() == Direction.IN && m.kind() != MessageKind.SYSTEM)
                .map(Message::at)
                .max(Comparator.naturalOrder());
        return ServiceWindow.after(opened, Optional.ofNullable(windowClosedAt));
    }

    /** Whether free-form messages may go out at {@code now}: the window is open (a customer who never wrote has none). */
    public boolean windowOpenAt(Instant now) {
        return serviceWindow().map(window -> window.isOpenAt(now)).orElse(false);
    }

    /** The channel refused a free-form message at {@code at} because the window had closed. */
    public Conversation windowClosedByChannel(Instant at) {
        return new Conversation(id, customer, mode, messages, profile, attention, at);
    }

    public Optional<Instant> windowClosedAtValue() {
        return Optional.ofNullable(windowClosedAt);
    }
}

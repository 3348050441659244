package sportello.web.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import sportello.domain.conversation.DeliveryState;

/**
 * The chats of the simulated phones, one per phone number, in memory. Memory is bounded: a chat keeps its last
 * {@link #MESSAGES_PER_CHAT} messages, and beyond {@link #MAX_CHATS} chats the one quiet for longest is dropped.
 * Nothing here is the record of the conversation; that is in storage, as for WhatsApp.
 */
final class Phones {

    static final int MESSAGES_PER_CHAT = 200;
    static final int MAX_CHATS = 100;
    private static final Pattern TYPED_NUMBER = Pattern.compile("\\+?[0-9 ()./-]+");

    /** A chat as the page shows it: a copy, safe to read while the phones keep changing. */
    record Chat(String phone, String name, List<PhoneMessage> messages) {

        /** How a phone shows the number: {@code +} and the digits. */
        String number() {
            return "+" + phone;
        }

        int unread() {
            return (int)
                    messages.stream().filter(PhoneMessage::unreadByCustomer).count();
        }

        Optional<PhoneMessage> last() {
            return messages.isEmpty() ? Optional.empty() : Optional.of(messages.getLast());
        }
    }

    private static final class Line {
        String name;
        final List<PhoneMessage> messages = new ArrayList<>();
        long lastActivity;

        Line(String name) {
            this.name = name;
        }
    }

    private final Map<String, Line> lines = new LinkedHashMap<>();
    private long activity;

    /**
     * The phone number's digits, from a number typed in any common way ({@code +39 333 123-4567}); empty when it
     * is not a phone number (letters, too short or too long for E.164).
     */
    static Optional<String> digits(String typed) {
        if (typed == null || !TYPED_NUMBER.matcher(typed.strip()).matches()) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[^0-9]", "");
        return digits.length() >= 6 && digits.length() <= 15 ? Optional.of(digits) : Optional.empty();
    }

    /** The chat of this number, created if new; a non-blank {@code name} renames it. */
    synchronized Chat open(String phone, String name) {
        var line = line(phone, name);
        if (name != null && !name.isBlank()) {
            line.name = name.strip();
        }
        return copy(phone, line);
    }

    /** Adds a message to the chat of this number, created with {@code name} if new. */
    synchronized void add(String phone, String name, PhoneMessage message) {
        var line = line(phone, name);
        line.messages.add(message);
        if (line.messages.size() > MESSAGES_PER_CHAT) {
            line.messages.removeFirst();
        }
    }

    synchronized void advance(String messageId, DeliveryState state, String reason) {
        for (Line line : lines.values()) {
            for (int i = line.messages.size() - 1; i >= 0; i--) {
                var message = line.messages.get(i);
                if (message.id().equals(messageId)) {
                    line.messages.set(i, message.advancedTo(state, reason));
                    return;
                }
            }
        }
    }

    /** The business read this customer message: it and every earlier one of the customer show as read. */
    synchronized void readUpTo(String messageId) {
        for (Line line : lines.values()) {
            int at = indexOf(line, messageId);
            if (at < 0) {
                continue;
            }
            for (int i = 0; i <= at; i++) {
                var message = line.messages.get(i);
                if (message.from() == PhoneMessage.From.CUSTOMER) {
                    line.messages.set(i, message.advancedTo(DeliveryState.READ, null));
                }
            }
            return;
        }
    }

    synchronized Optional<PhoneMessage> message(String messageId) {
        for (Line line : lines.values()) {
            int at = indexOf(line, messageId);
            if (at >= 0) {
                return Optional.of(line.messages.get(at));
            }
        }
        return Optional.empty();
    }

    synchronized Optional<Chat> chat(String phone) {
        return Optional.ofNullable(lines.get(phone)).map(line -> copy(phone, line));
    }

    /** Every chat, oldest first, as tabs keep their place. */
    synchronized List<Chat> all() {
        var chats = new ArrayList<Chat>();
        lines.forEach((phone, line) -> chats.add(copy(phone, line)));
        return chats;
    }

    private Line line(String phone, String name) {
        var line = lines.get(phone);
        if (line == null) {
            if (lines.size() >= MAX_CHATS) {
                dropQuietest();
            }
            line = new Line(name == null || name.isBlank() ? "+" + phone : name.strip());
            lines.put(phone, line);
        }
        line.lastActivity = ++activity;
        return line;
    }

    private void dropQuietest() {
        lines.entrySet().stream()
                .min((a, b) -> Long.compare(a.getValue().lastActivity, b.getValue().lastActivity))
                .map(Map.Entry::getKey)
                .ifPresent(lines::remove);
    }

    private static int indexOf(Line line, String messageId) {
        for (int i = line.messages.size() - 1; i >= 0; i--) {
            if (line.messages.get(i).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }

    private static Chat copy(String phone, Line line) {
        return new Chat(phone, line.name, List.copyOf(line.messages));
    }
}

package sportello.web.simulator;

import java.util.List;
import java.util.Locale;

/** The JSON the simulator page reads: the chats in the side list, and one chat's messages. */
final class SimulatorJson {

    private SimulatorJson() {}

    record ChatSummary(String phone, String number, String name, String last, String lastAt, int unread) {
        static ChatSummary of(Phones.Chat chat) {
            var last = chat.last();
            return new ChatSummary(
                    chat.phone(),
                    chat.number(),
                    chat.name(),
                    last.map(PhoneMessage::text).orElse(""),
                    last.map(m -> m.at().toString()).orElse(null),
                    chat.unread());
        }
    }

    record Chats(List<ChatSummary> chats) {
        static Chats of(List<Phones.Chat> chats) {
            return new Chats(chats.stream().map(ChatSummary::of).toList());
        }
    }

    record ChatDetail(String phone, String number, String name, int unread, List<MessageJson> messages) {
        static ChatDetail of(Phones.Chat chat) {
            return new ChatDetail(
                    chat.phone(),
                    chat.number(),
                    chat.name(),
                    chat.unread(),
                    chat.messages().stream().map(MessageJson::of).toList());
        }
    }

    /** {@code from}: customer or business; {@code state}: pending, sent, delivered, read or failed. */
    record MessageJson(String id, String from, String text, String at, String state, String failure) {
        static MessageJson of(PhoneMessage m) {
            return new MessageJson(
                    m.id(),
                    m.from().name().toLowerCase(Locale.ROOT),
                    m.text(),
                    m.at().toString(),
                    m.delivery().state().name().toLowerCase(Locale.ROOT),
                    m.delivery().failureReason());
        }
    }
}

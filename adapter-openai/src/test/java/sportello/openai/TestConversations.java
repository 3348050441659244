package sportello.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sportello.domain.conversation.Attention;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.Mode;
import sportello.domain.customer.Customer;
import sportello.domain.profile.CustomerProfile;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;

/** Conversations from the fixtures' scenario: Giulia writes to Ceramiche Bellini (business b42). */
final class TestConversations {

    static final String PHONE = "393471234567";
    static final Instant START = Instant.parse("2026-11-25T15:00:00Z");

    private TestConversations() {}

    static Customer giulia() {
        return Customer.of(null, PHONE, "Giuly");
    }

    /** Product question, bot answer, order complaint, staff answer, a reaction, then the opening-hours question. */
    static Conversation aboutOpeningHours() {
        var messages = new ArrayList<Message>();
        messages.add(inbound(0, MessageKind.TEXT, "Buongiorno! Avete ancora i piatti della collezione Mare in blu?"));
        messages.add(Message.outbound(
                "m1", Author.BOT, "Buongiorno! Sì, la collezione Mare è disponibile in blu.", START.plusSeconds(10)));
        messages.add(inbound(20, MessageKind.TEXT, "Ho fatto un ordine martedì ma non è ancora arrivato."));
        messages.add(Message.outbound(
                "m3", Author.STAFF, "Ci scusiamo per il ritardo: il pacco riparte domani.", START.plusSeconds(30)));
        messages.add(inbound(40, MessageKind.REACTION, "👍"));
        messages.add(inbound(50, MessageKind.TEXT, "Va bene, grazie. Sabato a che ora chiudete?"));
        return withProfile(messages, Map.of(ProfileSchema.NAME, "Giulia Rossi"));
    }

    static Conversation ofCustomerLines(String... texts) {
        var messages = new ArrayList<Message>();
        for (int i = 0; i < texts.length; i++) {
            messages.add(inbound(i * 10, MessageKind.TEXT, texts[i]));
        }
        return withProfile(messages, Map.of());
    }

    static Conversation withProfile(List<Message> messages, Map<String, String> values) {
        var stored = new HashMap<String, ProfileValue>();
        values.forEach((field, value) -> stored.put(field, new ProfileValue(value, "m0", START)));
        return new Conversation(
                new ConversationId("c_7d1e9a"),
                giulia(),
                Mode.BOT,
                messages,
                new CustomerProfile(stored),
                Attention.NONE);
    }

    static Message inbound(int secondsAfterStart, MessageKind kind, String text) {
        var at = START.plusSeconds(secondsAfterStart);
        return Message.inbound(
                "in-" + secondsAfterStart,
                new CustomerMessage("39054600000", "wamid." + secondsAfterStart, giulia(), kind, text, at, "{}"));
    }
}

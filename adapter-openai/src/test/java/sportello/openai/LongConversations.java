package sportello.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.MessageKind;
import sportello.domain.profile.ProfileSchema;

/** Conversations long enough to need a window: a customer question and an answer per turn, a minute apart. */
final class LongConversations {

    private static final String FILLER = " Vorrei anche sapere se il colore è uguale a quello del catalogo, perché"
            + " devo abbinarlo ai piatti che ho già comprato l'anno scorso in negozio a Faenza.";

    private LongConversations() {}

    /**
     * {@code turns} turns of two messages each, every message about {@code length} characters: a question and its
     * answer (every fifth from staff), except the last turn, where the customer writes twice and awaits the reply.
     */
    static Conversation of(int turns, int length) {
        List<Message> messages = new ArrayList<>();
        for (int turn = 0; turn < turns; turn++) {
            messages.add(TestConversations.inbound(turn * 60, MessageKind.TEXT, question(turn, length)));
            if (turn == turns - 1) {
                messages.add(
                        TestConversations.inbound(turn * 60 + 30, MessageKind.TEXT, pad("E la spedizione?", length)));
            } else {
                Author author = turn % 5 == 4 ? Author.STAFF : Author.BOT;
                messages.add(Message.outbound(
                        "out-" + turn,
                        author,
                        answer(turn, length),
                        TestConversations.START.plusSeconds(turn * 60 + 30)));
            }
        }
        return TestConversations.withProfile(messages, Map.of(ProfileSchema.NAME, "Giulia Rossi"));
    }

    /** The first {@code count} messages of a long run of questions and answers: the same chat, earlier or later. */
    static Conversation firstMessages(int count) {
        List<Message> messages = new ArrayList<>();
        for (int turn = 0; messages.size() < count; turn++) {
            messages.add(TestConversations.inbound(turn * 60, MessageKind.TEXT, question(turn, 0)));
            messages.add(Message.outbound(
                    "out-" + turn, Author.BOT, answer(turn, 0), TestConversations.START.plusSeconds(turn * 60 + 30)));
        }
        return TestConversations.withProfile(messages.subList(0, count), Map.of());
    }

    static String question(int turn, int length) {
        return pad("Domanda " + turn + ": il vaso Mare numero " + turn + " è disponibile?", length);
    }

    static String answer(int turn, int length) {
        return pad("Risposta " + turn + ": sì, il vaso Mare numero " + turn + " è disponibile.", length);
    }

    /** The texts the model reads for this conversation, oldest first, staff prefixed as the agent sends them. */
    static List<String> texts(Conversation conversation) {
        return conversation.messages().stream()
                .map(m -> m.author() == Author.STAFF ? History.STAFF_PREFIX + m.text() : m.text())
                .toList();
    }

    private static String pad(String text, int length) {
        var padded = new StringBuilder(text);
        while (padded.length() < length) {
            padded.append(FILLER);
        }
        return padded.substring(0, Math.max(text.length(), length));
    }
}

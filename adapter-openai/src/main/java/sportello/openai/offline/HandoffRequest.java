package sportello.openai.offline;

import java.util.List;
import java.util.Set;

/**
 * Whether a customer asks for a person rather than the bot, by the words Italian and English customers use for
 * it. A keyword check, so it errs towards handing over: a person reading one message too many costs less than a
 * customer stuck with a bot.
 */
final class HandoffRequest {

    private static final Set<String> WORDS = Set.of(
            "operatore",
            "operatrice",
            "operatori",
            "persona",
            "umano",
            "umana",
            "human",
            "person",
            "agent",
            "someone",
            "somebody");
    private static final List<List<String>> PHRASES = List.of(
            Words.of("parlare con qualcuno"),
            Words.of("parlare con un collega"),
            Words.of("real person"),
            Words.of("talk to a human"));

    private HandoffRequest() {}

    static boolean isIn(String text) {
        List<String> words = Words.of(text);
        return words.stream().anyMatch(WORDS::contains)
                || PHRASES.stream().anyMatch(phrase -> Words.containsPhrase(words, phrase));
    }
}

package sportello.openai;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.openai.wire.Turn;

/**
 * The conversation as the model reads it, bounded by a message count and a token budget (reference §8). Sportello
 * is stateless towards OpenAI, so every turn resends it: the newest messages as they are, oldest first, and before
 * them, when older messages exist, one summary item built here from the messages themselves, without a model
 * call. The profile is already in the instructions, so the summary only says how much came before, since when,
 * whether staff stepped in, and what the customer last asked.
 *
 * <p>The summary goes as a {@code developer} message. The Responses API takes {@code developer} items in a
 * stateless {@code input} (reference §4), and it is the role for what the application, not the customer, says: a
 * {@code user} item would put Sportello's words in the customer's mouth and invite a reply to them. The customer's
 * quoted questions inside it are cut to one short line each, as the profile values in the instructions are.
 */
final class History {

    static final String STAFF_PREFIX = "[Staff] ";

    /** The summary is built to stay within this estimate; its room is set aside whenever older messages exist. */
    static final int SUMMARY_TOKENS = 250;

    /** No kept message is cut below this, whatever the budget. */
    static final int MIN_MESSAGE_TOKENS = 64;

    /** The first line of the summary item, so that tests and people reading request logs can tell it apart. */
    static final String SUMMARY_HEADING =
            "Summary of the earlier conversation, written by Sportello, not by the customer.";

    /** The start of the window moves in steps of up to this many messages; see {@link #start}. */
    private static final int MAX_STEP = 6;

    private static final int QUOTED_MESSAGES = 3;
    private static final int QUOTE_TOKENS = 25;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private History() {}

    /** The input items of a turn and what they came to. */
    record Window(List<Turn.Utterance> input, HistoryWindow shape) {
        Window {
            input = List.copyOf(input);
        }
    }

    static Window of(Conversation conversation, int maxMessages, int tokenBudget, ZoneId zone) {
        List<Message> lines =
                conversation.messages().stream().filter(History::answerable).toList();
        List<Turn.Utterance> all = lines.stream().map(History::utterance).toList();
        if (lines.size() <= maxMessages && tokens(all) <= tokenBudget) {
            return new Window(all, new HistoryWindow(all.size(), 0, 0, tokens(all), tokenBudget));
        }
        int start = start(lines, all, maxMessages, tokenBudget - SUMMARY_TOKENS);
        List<Turn.Utterance> input = new ArrayList<>();
        if (start > 0) {
            input.add(new Turn.Utterance(
                    Turn.Role.DEVELOPER, summary(conversation.messages().getFirst(), lines.subList(0, start), zone)));
        }
        List<Turn.Utterance> kept = new ArrayList<>(all.subList(start, all.size()));
        int shortened = fit(kept, tokenBudget - tokens(input));
        input.addAll(kept);
        return new Window(input, new HistoryWindow(kept.size(), start, shortened, tokens(input), tokenBudget));
    }

    /**
     * Where the kept messages begin: the earliest message from which the rest fits both limits, moved on to the
     * next multiple of a fixed step. Messages only arrive at the end, so the start then stays put for several turns
     * and each request begins with the same bytes as the one before (summary, then kept messages), which OpenAI's
     * prompt cache reuses; a start sliding by one message per turn would change the summary and miss the cache on
     * every request. The step is not taken when it would drop more than half of what fits, and the newest customer
     * message is always kept, even alone and over budget ({@link #fit} then shortens it).
     */
    private static int start(List<Message> lines, List<Turn.Utterance> all, int maxMessages, int available) {
        int size = lines.size();
        int earliest = Math.max(0, size - maxMessages);
        int start = size;
        long used = 0;
        while (start > earliest
                && used + TokenEstimate.message(all.get(start - 1).text()) <= available) {
            used += TokenEstimate.message(all.get(--start).text());
        }
        int step = Math.max(1, Math.min(MAX_STEP, maxMessages / 2));
        int stepped = Math.ceilDiv(start, step) * step;
        if (2 * (size - stepped) >= size - start) {
            start = stepped;
        }
        int newestCustomer = size - 1;
        while (newestCustomer > 0 && lines.get(newestCustomer).author() != Author.CUSTOMER) {
            newestCustomer--;
        }
        return Math.min(start, Math.max(newestCustomer, 0));
    }

    /**
     * Shortens the longest kept messages, one at a time, until they fit {@code available}; returns how many were
     * cut. Only a message far longer than WhatsApp chats usually carry (a pasted e-mail) gets here.
     */
    private static int fit(List<Turn.Utterance> kept, int available) {
        Set<Integer> cut = new HashSet<>();
        while (tokens(kept) > available) {
            int longest = 0;
            for (int i = 1; i < kept.size(); i++) {
                if (TokenEstimate.message(kept.get(i).text())
                        > TokenEstimate.message(kept.get(longest).text())) {
                    longest = i;
                }
            }
            Turn.Utterance line = kept.get(longest);
            int size = TokenEstimate.message(line.text());
            int target = Math.max(MIN_MESSAGE_TOKENS, size - (tokens(kept) - available)) - TokenEstimate.PER_MESSAGE;
            if (size - TokenEstimate.PER_MESSAGE <= target) {
                break; // everything is down to the floor: a budget this small cannot be met
            }
            kept.set(longest, new Turn.Utterance(line.role(), TokenEstimate.shorten(line.text(), target)));
            cut.add(longest);
        }
        return cut.size();
    }

    /**
     * Only facts that stay true as the conversation grows, so the item is the same bytes for as long as the window
     * start stays put: no "now", no "ago".
     */
    private static String summary(Message first, List<Message> earlier, ZoneId zone) {
        List<Message> fromCustomer = byAuthor(earlier, Author.CUSTOMER);
        List<Message> fromStaff = byAuthor(earlier, Author.STAFF);
        var text = new StringBuilder(SUMMARY_HEADING).append('\n');
        text.append("Conversation started: ").append(when(first.at(), zone)).append(".\n");
        text.append("Earlier messages not shown: ")
                .append(earlier.size())
                .append(" (customer ")
                .append(fromCustomer.size())
                .append(", bot ")
                .append(byAuthor(earlier, Author.BOT).size())
                .append(", staff ")
                .append(fromStaff.size())
                .append(").\n");
        text.append(
                fromStaff.isEmpty()
                        ? "Staff did not write in that part.\n"
                        : "Staff wrote " + fromStaff.size() + " of them, the last on "
                                + when(fromStaff.getLast().at(), zone) + ".\n");
        List<String> quotes = lastQuestions(fromCustomer);
        if (!quotes.isEmpty()) {
            text.append("For context only, the customer's last earlier questions: ")
                    .append(String.join("; ", quotes))
                    .append(".\n");
        }
        text.append("The customer's known details are in the instructions.");
        return text.toString();
    }

    /** Messages with a question mark if there are any (greetings and thanks say little), else any. */
    private static List<String> lastQuestions(List<Message> fromCustomer) {
        List<Message> questions =
                fromCustomer.stream().filter(m -> m.text().contains("?")).toList();
        List<Message> source = questions.isEmpty() ? fromCustomer : questions;
        return source.subList(Math.max(0, source.size() - QUOTED_MESSAGES), source.size()).stream()
                .map(message -> quote(message.text()))
                .toList();
    }

    /** One line, double quotes made single so the quote cannot be closed early, cut to a few words. */
    private static String quote(String text) {
        String line =
                text.replaceAll("[\\p{Cntrl}\\s]+", " ").replace('"', '\'').strip();
        String cut = TokenEstimate.prefix(line, QUOTE_TOKENS);
        return "\"" + (cut.length() < line.length() ? cut.strip() + "…" : cut) + "\"";
    }

    private static List<Message> byAuthor(List<Message> messages, Author author) {
        return messages.stream().filter(m -> m.author() == author).toList();
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static int tokens(List<Turn.Utterance> utterances) {
        return utterances.stream()
                .mapToInt(utterance -> TokenEstimate.message(utterance.text()))
                .sum();
    }

    /**
     * Reactions and system notices carry nothing to answer, and an empty text would be a 400. A reply that failed
     * to reach the customer is left out: the model must not build on words the customer never read.
     */
    private static boolean answerable(Message message) {
        return message.kind().startsAgentTurn()
                && !message.text().isBlank()
                && !(message.direction() == Direction.OUT && message.delivery().state() == DeliveryState.FAILED);
    }

    /** Staff replies are assistant turns too; the prefix lets the model tell them from its own. */
    private static Turn.Utterance utterance(Message message) {
        return switch (message.author()) {
            case CUSTOMER -> new Turn.Utterance(Turn.Role.USER, message.text());
            case BOT -> new Turn.Utterance(Turn.Role.ASSISTANT, message.text());
            case STAFF -> new Turn.Utterance(Turn.Role.ASSISTANT, STAFF_PREFIX + message.text());
        };
    }
}

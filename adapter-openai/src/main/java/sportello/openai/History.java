package sportello.openai;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
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
 *
 * <p>Photos of the turn being answered count {@link TokenEstimate#IMAGE} tokens each, so they push older messages
 * into the summary; the messages carrying them are always kept, like the newest customer message. History only
 * marks where they go: their bytes are read afterwards, for the kept messages alone.
 */
final class History {

    static final String STAFF_PREFIX = "[Staff] ";

    /** What a customer photo without a caption says, since a message part may not be empty. */
    static final String PHOTO_WITHOUT_CAPTION = "(a photo, no caption)";

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

    /**
     * The input items of a turn and what they came to. {@code photos} maps the position of an item in {@code input}
     * to the id of the message whose photo belongs there.
     */
    record Window(List<Turn.Utterance> input, HistoryWindow shape, Map<Integer, String> photos) {
        Window {
            input = List.copyOf(input);
            photos = Map.copyOf(photos);
        }
    }

    /** One item of the history in the making: what it says, and the message whose photo it will show, if any. */
    private record Line(Turn.Utterance utterance, String photoOf) {

        boolean hasPhoto() {
            return photoOf != null;
        }

        int textTokens() {
            return TokenEstimate.message(utterance.text());
        }

        int tokens() {
            return textTokens() + (hasPhoto() ? TokenEstimate.IMAGE : 0);
        }

        Line shortened(int maxTokens) {
            return new Line(utterance.withText(TokenEstimate.shorten(utterance.text(), maxTokens)), photoOf);
        }
    }

    static Window of(Conversation conversation, int maxMessages, int tokenBudget, ZoneId zone) {
        return of(conversation, maxMessages, tokenBudget, zone, Set.of());
    }

    /** {@code withPhotos}: ids of the messages whose photo the model will see (see {@link Photos}). */
    static Window of(Conversation conversation, int maxMessages, int tokenBudget, ZoneId zone, Set<String> withPhotos) {
        List<Message> messages = conversation.messages().stream()
                .filter(message -> answerable(message, withPhotos))
                .toList();
        List<Line> all = messages.stream()
                .map(message -> new Line(utterance(message), withPhotos.contains(message.id()) ? message.id() : null))
                .toList();
        if (messages.size() <= maxMessages && tokens(all) <= tokenBudget) {
            return window(all, new HistoryWindow(all.size(), 0, 0, tokens(all), tokenBudget));
        }
        int start = start(messages, all, maxMessages, tokenBudget - SUMMARY_TOKENS);
        List<Line> input = new ArrayList<>();
        if (start > 0) {
            input.add(new Line(
                    new Turn.Utterance(
                            Turn.Role.DEVELOPER,
                            summary(conversation.messages().getFirst(), messages.subList(0, start), zone)),
                    null));
        }
        List<Line> kept = new ArrayList<>(all.subList(start, all.size()));
        int shortened = fit(kept, tokenBudget - tokens(input));
        input.addAll(kept);
        return window(input, new HistoryWindow(kept.size(), start, shortened, tokens(input), tokenBudget));
    }

    private static Window window(List<Line> lines, HistoryWindow shape) {
        Map<Integer, String> photos = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).hasPhoto()) {
                photos.put(i, lines.get(i).photoOf());
            }
        }
        return new Window(lines.stream().map(Line::utterance).toList(), shape, photos);
    }

    /**
     * Where the kept messages begin: the earliest message from which the rest fits both limits, moved on to the
     * next multiple of a fixed step. Messages only arrive at the end, so the start then stays put for several turns
     * and each request begins with the same bytes as the one before (summary, then kept messages), which OpenAI's
     * prompt cache reuses; a start sliding by one message per turn would change the summary and miss the cache on
     * every request. The step is not taken when it would drop more than half of what fits, and the newest customer
     * message and every message with a photo are always kept, even over budget ({@link #fit} then shortens their
     * text). Photos come only with the messages being answered, at the end, so what is kept stays one run.
     */
    private static int start(List<Message> lines, List<Line> all, int maxMessages, int available) {
        int size = lines.size();
        int earliest = Math.max(0, size - maxMessages);
        int start = size;
        long used = 0;
        while (start > earliest && used + all.get(start - 1).tokens() <= available) {
            used += all.get(--start).tokens();
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
        int firstPhoto = IntStream.range(0, size)
                .filter(i -> all.get(i).hasPhoto())
                .findFirst()
                .orElse(size);
        return Math.min(start, Math.max(Math.min(newestCustomer, firstPhoto), 0));
    }

    /**
     * Shortens the longest kept texts, one at a time, until the kept messages fit {@code available}; returns how many
     * were cut. Only a message far longer than WhatsApp chats usually carry (a pasted e-mail) gets here, or texts
     * beside photos that alone fill the budget. Photos are never cut: the text makes room for them.
     */
    private static int fit(List<Line> kept, int available) {
        Set<Integer> cut = new HashSet<>();
        while (tokens(kept) > available) {
            int longest = 0;
            for (int i = 1; i < kept.size(); i++) {
                if (kept.get(i).textTokens() > kept.get(longest).textTokens()) {
                    longest = i;
                }
            }
            Line line = kept.get(longest);
            int size = line.textTokens();
            int target = Math.max(MIN_MESSAGE_TOKENS, size - (tokens(kept) - available)) - TokenEstimate.PER_MESSAGE;
            if (size - TokenEstimate.PER_MESSAGE <= target) {
                break; // everything is down to the floor: a budget this small cannot be met
            }
            kept.set(longest, line.shortened(target));
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

    private static int tokens(List<Line> lines) {
        return lines.stream().mapToInt(Line::tokens).sum();
    }

    /**
     * Reactions and system notices carry nothing to answer, and an empty text would be a 400 (a photo without a
     * caption gets {@link #PHOTO_WITHOUT_CAPTION}). A reply that failed to reach the customer is left out: the model
     * must not build on words the customer never read.
     */
    private static boolean answerable(Message message, Set<String> withPhotos) {
        return message.kind().startsAgentTurn()
                && (!message.text().isBlank() || withPhotos.contains(message.id()))
                && !(message.direction() == Direction.OUT && message.delivery().state() == DeliveryState.FAILED);
    }

    /** Staff replies are assistant turns too; the prefix lets the model tell them from its own. */
    private static Turn.Utterance utterance(Message message) {
        return switch (message.author()) {
            case CUSTOMER ->
                new Turn.Utterance(Turn.Role.USER, message.text().isBlank() ? PHOTO_WITHOUT_CAPTION : message.text());
            case BOT -> new Turn.Utterance(Turn.Role.ASSISTANT, message.text());
            case STAFF -> new Turn.Utterance(Turn.Role.ASSISTANT, STAFF_PREFIX + message.text());
        };
    }
}

package sportello.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Markdown models write anyway into what WhatsApp shows: {@code *bold*}, {@code _italic_},
 * {@code ~strike~}, headings as bold lines, {@code text (url)} for links, tables as {@code a: b} or plain rows, no
 * code fences, no citation markers, at most one blank line in a row; and keeps the result under WhatsApp's limit,
 * cut at a sentence or line boundary. A pure function: the same text always gives the same message.
 */
public final class WhatsAppFormatting {

    /** WhatsApp takes 4,096 characters per text message; a little room stays for what the channel may add. */
    public static final int MAX_LENGTH = 4000;

    // private-use characters stand in for markup while other rules run, so no rule sees another's output
    private static final char BOLD = '\uE000';
    private static final char SLOT_OPEN = '\uE001';
    private static final char SLOT_CLOSE = '\uE002';

    private static final Pattern CITATION = Pattern.compile("[ \\t]*【[^】]*】");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_])(?:\\s*\\1){2,}\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[*+](\\s+)");
    private static final Pattern TABLE_SEPARATOR =
            Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(?:\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");

    private static final Pattern ESCAPED = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!~|>])");
    private static final Pattern CODE = Pattern.compile("`[^`\\n]+`");
    private static final Pattern IMAGE =
            Pattern.compile("!\\[([^\\]]*)]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern LINK =
            Pattern.compile("\\[([^\\]]+)]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s()<>]+");
    private static final Pattern BOLD_ITALIC_STARS = Pattern.compile("\\*\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*\\*");
    private static final Pattern BOLD_STARS = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern BOLD_UNDERSCORES =
            Pattern.compile("(?<![\\p{L}\\p{N}_])__(?=\\S)(.+?)(?<=\\S)__(?![\\p{L}\\p{N}_])");
    private static final Pattern ITALIC_STAR =
            Pattern.compile("(?<![*\\p{L}\\p{N}])\\*(?=[^\\s*])([^*\\n]*?[^\\s*])?\\*(?![*\\p{L}\\p{N}])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern SLOT = Pattern.compile(SLOT_OPEN + "(\\d+)" + SLOT_CLOSE);
    private static final Pattern BLANK_RUN = Pattern.compile("\\n{3,}");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?=[\\s)\"'»]|$)");

    private WhatsAppFormatting() {}

    /** The reply as WhatsApp should show it, under {@link #MAX_LENGTH} characters. */
    public static String format(String markdown) {
        return fit(fromMarkdown(markdown), MAX_LENGTH);
    }

    /** The Markdown conversion alone, with no length limit. */
    static String fromMarkdown(String markdown) {
        if (markdown == null) {
            return "";
        }
        String text = CITATION.matcher(markdown.replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll("");
        List<String> lines = List.of(text.split("\n", -1));
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue; // WhatsApp shows the backticks literally; the code itself stays
            }
            if (inFence) {
                out.add(line.stripTrailing());
                continue;
            }
            if (isTableStart(lines, i)) {
                int end = i + 2;
                while (end < lines.size() && isTableRow(lines.get(end))) {
                    end++;
                }
                table(lines.get(i), lines.subList(i + 2, end)).forEach(row -> out.add(inline(row)));
                i = end - 1;
                continue;
            }
            out.add(block(line));
        }
        String joined = String.join("\n", out);
        return BLANK_RUN.matcher(joined).replaceAll("\n\n").strip();
    }

    /** One line outside code and tables. */
    private static String block(String line) {
        if (RULE.matcher(line).matches()) {
            return "";
        }
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
            String title = heading.group(1).replace("**", "").replace("__", "");
            return title.isBlank() ? "" : "*" + inline(title) + "*";
        }
        return inline(BULLET.matcher(line).replaceFirst("$1-$2")).stripTrailing();
    }

    /** Links, code, emphasis within a line. */
    private static String inline(String line) {
        List<String> kept = new ArrayList<>();
        String text = replace(ESCAPED, line, m -> slot(kept, m.group(1)));
        text = replace(CODE, text, m -> slot(kept, m.group()));
        text = replace(IMAGE, text, m -> slot(kept, linkText(m.group(1), m.group(2))));
        text = replace(LINK, text, m -> slot(kept, linkText(m.group(1), m.group(2))));
        text = replace(AUTOLINK, text, m -> slot(kept, m.group(1)));
        text = replace(URL, text, m -> slot(kept, m.group()));
        text = replace(BOLD_ITALIC_STARS, text, m -> BOLD + "_" + m.group(1) + "_" + BOLD);
        text = replace(BOLD_STARS, text, m -> BOLD + m.group(1) + BOLD);
        text = replace(BOLD_UNDERSCORES, text, m -> BOLD + m.group(1) + BOLD);
        text = replace(ITALIC_STAR, text, m -> "_" + (m.group(1) == null ? "" : m.group(1)) + "_");
        text = replace(STRIKE, text, m -> "~" + m.group(1) + "~");
        text = text.replace(BOLD, '*');
        // slots may hold slots (a link whose text had code): restore until none is left
        for (int round = 0; round < 3 && text.indexOf(SLOT_OPEN) >= 0; round++) {
            text = replace(SLOT, text, m -> kept.get(Integer.parseInt(m.group(1))));
        }
        return text;
    }

    /** {@code text (url)}, or just the address when the text says nothing more. */
    private static String linkText(String label, String url) {
        String shown = url.startsWith("mailto:") ? url.substring("mailto:".length()) : url;
        String plain =
                label.replace("**", "").replace("__", "").replace("`", "").strip();
        if (plain.isEmpty() || plain.equals(shown) || plain.equals(url) || shown.endsWith("//" + plain)) {
            return shown;
        }
        return plain + " (" + shown + ")";
    }

    private static boolean isTableStart(List<String> lines, int i) {
        return i + 1 < lines.size()
                && lines.get(i).contains("|")
                && TABLE_SEPARATOR.matcher(lines.get(i + 1)).matches();
    }

    private static boolean isTableRow(String line) {
        return line.contains("|") && !line.isBlank();
    }

    /**
     * Two columns read as "label: value" (the header adds nothing then); wider tables become plain rows, header
     * first, cells joined by a dash.
     */
    private static List<String> table(String header, List<String> rows) {
        List<String> headerCells = cells(header);
        List<String> out = new ArrayList<>();
        if (headerCells.size() == 2) {
            for (String row : rows) {
                List<String> cells = cells(row);
                String label = cells.isEmpty() ? "" : cells.get(0);
                String value = String.join(" ", cells.subList(Math.min(1, cells.size()), cells.size()))
                        .strip();
                if (!label.isEmpty() && !value.isEmpty()) {
                    out.add(label + ": " + value);
                } else if (!label.isEmpty() || !value.isEmpty()) {
                    out.add(label + value);
                }
            }
            return out;
        }
        for (String row : concat(header, rows)) {
            String joined = String.join(
                    " – ", cells(row).stream().filter(c -> !c.isEmpty()).toList());
            if (!joined.isEmpty()) {
                out.add(joined);
            }
        }
        return out;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static List<String> cells(String row) {
        String trimmed = row.strip();
        if (trimmed.startsWith("|")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith("|") && !trimmed.endsWith("\\|")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : trimmed.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").strip());
        }
        return cells;
    }

    /**
     * The text itself when it is short enough; else the longest start under {@code limit} characters that ends
     * on a line or sentence boundary, or failing that on a word, with an ellipsis.
     */
    static String fit(String text, int limit) {
        if (text.length() < limit) {
            return text;
        }
        int budget = limit - 1; // strictly under the limit, ellipsis included
        String head = text.substring(0, safeEnd(text, budget));
        int floor = budget / 2;
        int boundary = Math.max(head.lastIndexOf('\n'), lastSentenceEnd(head));
        if (boundary >= floor) {
            return head.substring(0, boundary).strip();
        }
        String room = text.substring(0, safeEnd(text, budget - 1));
        int space = lastWhitespace(room);
        String cut = space >= floor ? room.substring(0, space) : room;
        return cut.stripTrailing() + "…";
    }

    private static int lastSentenceEnd(String head) {
        int end = -1;
        Matcher matcher = SENTENCE_END.matcher(head);
        while (matcher.find()) {
            end = matcher.end();
        }
        return end;
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Never split a surrogate pair: half an emoji is a broken character. */
    private static int safeEnd(String text, int end) {
        return end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    private static String slot(List<String> kept, String value) {
        kept.add(value);
        return SLOT_OPEN + String.valueOf(kept.size() - 1) + SLOT_CLOSE;
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> replacement) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
    }
}

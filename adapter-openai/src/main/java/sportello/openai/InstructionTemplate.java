package sportello.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business's instructions for the model, with {@code {{variable}}} placeholders filled in on every turn.
 * Placeholders it has no value for stay as written, so a typo shows up in the request log instead of vanishing.
 * Keep the per-turn placeholders ({@code customer_name}, {@code today}, ...) near the end: OpenAI's prompt cache
 * reuses only an identical prefix, so the unchanging text should come first.
 */
public final class InstructionTemplate {

    static final String DEFAULT_RESOURCE = "/sportello/openai/default-instructions.txt";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    /** The business's opening hours, a fixed fact of the template. */
    public static final String OPENING_HOURS = "opening_hours";

    public static final String NO_OPENING_HOURS =
            "not configured: never state opening hours; say a person will reply as soon as possible";

    private final String text;
    private final Map<String, String> facts;

    public InstructionTemplate(String text) {
        this(text, Map.of());
    }

    private InstructionTemplate(String text, Map<String, String> facts) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an instruction template must not be blank");
        }
        this.text = text;
        this.facts = Map.copyOf(facts);
    }

    /**
     * The same template with fixed facts about the business (e.g. {@code opening_hours}) filled in on every turn;
     * per-turn variables of the same name win.
     */
    public InstructionTemplate withFacts(Map<String, String> businessFacts) {
        var merged = new java.util.HashMap<>(facts);
        merged.putAll(businessFacts);
        return new InstructionTemplate(text, merged);
    }

    /** The bilingual front-desk template shipped with Sportello. */
    public static InstructionTemplate defaultTemplate() {
        try (InputStream in = InstructionTemplate.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new InstructionTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .withFacts(Map.of(OPENING_HOURS, NO_OPENING_HOURS));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DEFAULT_RESOURCE, e);
        }
    }

    /** A business's own template, read once at startup (UTF-8). */
    public static InstructionTemplate fromFile(Path file) {
        try {
            return new InstructionTemplate(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the instruction template " + file, e);
        }
    }

    /** One pass: values are inserted literally, so a value that looks like a placeholder is not expanded. */
    public String render(Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.replaceAll(match -> {
            String value = variables.getOrDefault(match.group(1), facts.get(match.group(1)));
            return Matcher.quoteReplacement(value != null ? value : match.group());
        });
    }

    public String text() {
        return text;
    }
}

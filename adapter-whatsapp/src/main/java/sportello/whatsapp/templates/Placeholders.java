package sportello.whatsapp.templates;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a template text: {@code {{1}}}, {@code {{2}}} in positional templates, {@code {{first_name}}} in
 * templates with {@code parameter_format} NAMED. A placeholder used twice takes one value, so only distinct ones count.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    private Placeholders() {}

    /** The distinct placeholder keys in order of first appearance: "1", "2" or "first_name". */
    public static List<String> in(String text) {
        Set<String> keys = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        return List.copyOf(keys);
    }

    /** True when the keys are names, not numbers: the template then needs each value sent with its name. */
    public static boolean named(List<String> keys) {
        return !keys.isEmpty() && keys.stream().anyMatch(key -> !key.chars().allMatch(Character::isDigit));
    }
}

package sportello.web.dashboard;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The dashboard's words in one language, from {@code texts_<code>.properties} (UTF-8). Placeholders are
 * {@code {0}}, {@code {1}}…; apostrophes need no quoting. A missing key shows as {@code ?key?}, never an error.
 */
public final class Texts {

    private static final Map<Language, Texts> ALL = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            ALL.put(language, new Texts(language, load(language)));
        }
    }

    private final Language language;
    private final Properties words;

    private Texts(Language language, Properties words) {
        this.language = language;
        this.words = words;
    }

    public static Texts of(Language language) {
        return ALL.get(language);
    }

    public Language language() {
        return language;
    }

    /** The {@code lang} attribute of the page. */
    public String lang() {
        return language.code();
    }

    public String get(String key) {
        String value = words.getProperty(key);
        return value != null ? value : "?" + key + "?";
    }

    /** The text of {@code key}, or {@code fallback} when this language has none. */
    public String getOr(String key, String fallback) {
        String value = words.getProperty(key);
        return value != null ? value : fallback;
    }

    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The keys, for the test that both languages say everything. */
    Set<String> keys() {
        return words.stringPropertyNames();
    }

    private static Properties load(Language language) {
        String name = "texts_" + language.code() + ".properties";
        try (var in = Texts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " next to " + Texts.class.getName());
            }
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

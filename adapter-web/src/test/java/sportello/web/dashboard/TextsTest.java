package sportello.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextsTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("\\b(?:get|getOr|format)\\(\"([a-zA-Z][\\w.]*)\"");

    @Test
    void italianAndEnglish_sayTheSameThings() {
        assertThat(Texts.of(Language.IT).keys()).isEqualTo(Texts.of(Language.EN).keys());
    }

    @Test
    void everyKeyTheCodeAsksFor_exists() throws IOException {
        var used = new TreeSet<String>();
        try (Stream<Path> files = Stream.concat(
                Files.walk(Path.of("src/main/jte")), Files.walk(Path.of("src/main/java/sportello/web/dashboard")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var matcher = LITERAL_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".")) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }

        assertThat(used).isNotEmpty();
        assertThat(Texts.of(Language.EN).keys()).containsAll(used);
    }

    @Test
    void placeholders_areFilledAndApostrophesNeedNoQuoting() {
        var italian = Texts.of(Language.IT);

        assertThat(italian.format("list.range", 1, 50, 123)).isEqualTo("1–50 di 123");
        assertThat(italian.get("list.searchPlaceholder")).contains("numero d'ordine");
        assertThat(italian.get("no.such.key")).isEqualTo("?no.such.key?");
    }

    @Test
    void theBrowsersLanguage_decides_withEnglishForTheRest() {
        assertThat(Language.fromAcceptLanguage("it-IT,it;q=0.9,en-US;q=0.8")).isEqualTo(Language.IT);
        assertThat(Language.fromAcceptLanguage("de-DE,de;q=0.9,it;q=0.5")).isEqualTo(Language.IT);
        assertThat(Language.fromAcceptLanguage("fr-FR")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("not a header;;q=x")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.EN);
    }
}

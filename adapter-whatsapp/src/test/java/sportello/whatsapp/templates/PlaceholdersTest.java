package sportello.whatsapp.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void numberedPlaceholders_areListedOnceEach_inOrderOfFirstUse() {
        assertThat(Placeholders.in("Ciao {{1}}, ordine {{2}}: grazie {{1}}!")).containsExactly("1", "2");
    }

    @Test
    void namedPlaceholders_andSpacesInsideTheBraces_areRead() {
        List<String> keys = Placeholders.in("Ciao {{ nome }}, alle {{ora}}; ciao {{nome}}");

        assertThat(keys).containsExactly("nome", "ora");
        assertThat(Placeholders.named(keys)).isTrue();
    }

    @Test
    void numberedOrNoPlaceholders_areNotNamed() {
        assertThat(Placeholders.named(Placeholders.in("{{1}} {{2}}"))).isFalse();
        assertThat(Placeholders.named(Placeholders.in("Grazie!"))).isFalse();
        assertThat(Placeholders.in(null)).isEmpty();
    }

    @Test
    void singleOrUnclosedBraces_areNotPlaceholders() {
        assertThat(Placeholders.in("{1} {{2} {{ }} {{3}}")).containsExactly("3");
    }
}

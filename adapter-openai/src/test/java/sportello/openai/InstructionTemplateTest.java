package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstructionTemplateTest {

    private static final Map<String, String> VARIABLES = Map.of(
            "business_name", "Ceramiche Bellini",
            "customer_name", "Giulia Rossi",
            "known_profile", "name: Giulia Rossi; email: giulia@example.it",
            "missing_fields", "orderNumber",
            "today", "Wednesday 25 November 2026, 17:05 (Europe/Rome)",
            "customer_language", "Italian",
            "window_closing", "no");

    @TempDir
    Path dir;

    @Test
    void render_fillsEveryVariable_andLeavesUnknownPlaceholders() {
        var template = new InstructionTemplate(
                "{{business_name}} / {{ customer_name }} / {{known_profile}} / {{missing_fields}} / {{today}}"
                        + " / {{loyalty_tier}}");

        String rendered = template.render(VARIABLES);

        assertThat(rendered)
                .isEqualTo("Ceramiche Bellini / Giulia Rossi / name: Giulia Rossi; email: giulia@example.it"
                        + " / orderNumber / Wednesday 25 November 2026, 17:05 (Europe/Rome) / {{loyalty_tier}}");
    }

    @Test
    void render_insertsValuesLiterally_evenWithDollarsBackslashesOrPlaceholders() {
        var template = new InstructionTemplate("Hi {{customer_name}}, from {{business_name}}");

        String rendered = template.render(Map.of("customer_name", "$1 \\o/ {{business_name}}", "business_name", "B"));

        assertThat(rendered).isEqualTo("Hi $1 \\o/ {{business_name}}, from B");
    }

    @Test
    void defaultTemplate_usesEveryVariable_andRendersCompletely() {
        String rendered = InstructionTemplate.defaultTemplate().render(VARIABLES);

        assertThat(rendered)
                .contains("front desk of Ceramiche Bellini")
                .contains("Giulia Rossi")
                .contains("email: giulia@example.it")
                .contains("orderNumber")
                .contains("Wednesday 25 November 2026")
                .contains("order number")
                .contains("Italian")
                .doesNotContain("{{");
    }

    @Test
    void defaultTemplate_namesBothTools_theHandoffPromise_andTheLengthLimit() {
        String text = InstructionTemplate.defaultTemplate().text();

        assertThat(text)
                .contains("call save_customer_profile")
                .contains("call request_human_handoff")
                .contains("a person from the staff will follow up")
                .contains("4000 characters");
    }

    @Test
    void fromFile_readsUtf8() throws Exception {
        Path file = dir.resolve("instructions.txt");
        Files.writeString(file, "Benvenuti da {{business_name}} – sì!", StandardCharsets.UTF_8);

        String rendered = InstructionTemplate.fromFile(file).render(VARIABLES);

        assertThat(rendered).isEqualTo("Benvenuti da Ceramiche Bellini – sì!");
    }

    @Test
    void fromFile_missingFile_namesThePath() {
        Path missing = dir.resolve("nope.txt");

        assertThatThrownBy(() -> InstructionTemplate.fromFile(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nope.txt");
    }

    @Test
    void businessFacts_fillTheirPlaceholders_andTurnVariablesWin() {
        var template = new InstructionTemplate("Orari: {{opening_hours}}. Cliente: {{customer_name}}.")
                .withFacts(java.util.Map.of("opening_hours", "lun-sab 9:30-19:00", "customer_name", "fact"));

        var text = template.render(java.util.Map.of("customer_name", "Giulia"));

        org.assertj.core.api.Assertions.assertThat(text).isEqualTo("Orari: lun-sab 9:30-19:00. Cliente: Giulia.");
    }

    @Test
    void defaultTemplate_hasEveryPerTurnVariableAndTheOpeningHours() {
        org.assertj.core.api.Assertions.assertThat(
                        InstructionTemplate.defaultTemplate().text())
                .contains(
                        "{{business_name}}",
                        "{{opening_hours}}",
                        "{{customer_language}}",
                        "{{window_closing}}",
                        "{{customer_name}}",
                        "{{known_profile}}",
                        "{{missing_fields}}",
                        "{{today}}");
    }
}

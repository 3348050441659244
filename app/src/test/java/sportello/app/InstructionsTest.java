package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstructionsTest {

    @TempDir
    Path dir;

    @Test
    void firstStart_writesTheDefaultTemplate_withTheOpeningHoursFilledIn() throws Exception {
        var config =
                Config.from(Map.of("DATA_DIR", dir.toString(), "OPENING_HOURS", "lun-sab 9:30-19:00, domenica chiuso"));

        var template = Instructions.load(config);

        assertThat(Files.readString(dir.resolve("instructions.txt"))).contains("{{opening_hours}}");
        assertThat(template.render(Map.of())).contains("lun-sab 9:30-19:00, domenica chiuso");
    }

    @Test
    void theBusinessesOwnTemplate_isUsed_andNeverOverwritten() throws Exception {
        Files.writeString(dir.resolve("instructions.txt"), "Sei l'assistente di {{business_name}}. {{opening_hours}}");
        var config = Config.from(Map.of("DATA_DIR", dir.toString()));

        var template = Instructions.load(config);

        assertThat(template.render(Map.of("business_name", "Bellini")))
                .startsWith("Sei l'assistente di Bellini. not configured");
        assertThat(Files.readString(dir.resolve("instructions.txt"))).startsWith("Sei l'assistente");
    }
}

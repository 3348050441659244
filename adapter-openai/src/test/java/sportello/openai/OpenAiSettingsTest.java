package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OpenAiSettingsTest {

    @Test
    void defaults_matchTheReference() {
        var settings = OpenAiSettings.of("sk-secret-value", "b42", "Ceramiche Bellini");

        assertThat(settings.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(settings.model()).isEqualTo("gpt-4.1");
        assertThat(settings.maxOutputTokens()).isEqualTo(600);
        assertThat(settings.historyMessages()).isEqualTo(20);
        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/Rome"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.retryDeadline()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.promptId()).isNull();
    }

    @Test
    void toString_neverShowsTheKey() {
        var settings = OpenAiSettings.of("sk-secret-value", "b42", "Ceramiche Bellini");

        assertThat(settings.toString()).doesNotContain("sk-secret-value").contains("b42");
    }

    @Test
    void blankPromptVersion_meansCurrentVersion_andTrailingSlashIsDropped() {
        var settings =
                OpenAiSettings.of("k", "b42", "B").withPrompt("pmpt_1", " ").withBaseUrl("http://localhost:8080/v1/");

        assertThat(settings.promptVersion()).isNull();
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:8080/v1");
    }

    @Test
    void missingKey_namesTheSetting() {
        assertThatThrownBy(() -> OpenAiSettings.of(" ", "b42", "B")).hasMessageContaining("OPENAI_API_KEY");
    }
}

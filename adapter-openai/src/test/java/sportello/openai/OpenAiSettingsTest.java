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
        assertThat(settings.vectorStoreId()).isNull();
        assertThat(settings.toolRounds()).isEqualTo(4);
        assertThat(settings.historyTokenBudget()).isEqualTo(3000);
        assertThat(settings.transcriptionModel()).isEqualTo("gpt-4o-mini-transcribe");
    }

    @Test
    void transcriptionModel_canBeSet_survivesOtherChanges_blankMeansTheDefault() {
        var settings = OpenAiSettings.of("k", "b42", "B").withTranscriptionModel(" whisper-1 ");

        assertThat(settings.transcriptionModel()).isEqualTo("whisper-1");
        assertThat(settings.withModel("gpt-5").withHistoryTokenBudget(1500).transcriptionModel())
                .isEqualTo("whisper-1");
        assertThat(settings.withTranscriptionModel(" ").transcriptionModel())
                .isEqualTo(OpenAiSettings.DEFAULT_TRANSCRIPTION_MODEL);
        assertThat(settings.toString()).contains("transcriptionModel=whisper-1");
    }

    @Test
    void historyTokenBudget_canBeSet_survivesOtherChanges_andHasAFloor() {
        var settings = OpenAiSettings.of("k", "b42", "B").withHistoryTokenBudget(1500);

        assertThat(settings.withModel("gpt-5").withLimits(600, 30).historyTokenBudget())
                .isEqualTo(1500);
        assertThatThrownBy(() -> settings.withHistoryTokenBudget(100)).hasMessageContaining("historyTokenBudget");
    }

    @Test
    void readTimeout_risesToTwoMinutes_forReasoningModelsAndFileSearch_only() {
        var settings = OpenAiSettings.of("k", "b42", "B").withModel("gpt-4.1-mini");

        assertThat(settings.effectiveReadTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.withModel("gpt-5-mini").effectiveReadTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.withVectorStore("vs_1").effectiveReadTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.withVectorStore("vs_1")
                        .withTimeouts(null, Duration.ofSeconds(180), null)
                        .effectiveReadTimeout())
                .isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void vectorStoreAndToolRounds_canBeSet_blankStoreMeansNone() {
        var settings =
                OpenAiSettings.of("k", "b42", "B").withVectorStore(" vs_1 ").withToolRounds(2);

        assertThat(settings.vectorStoreId()).isEqualTo("vs_1");
        assertThat(settings.toolRounds()).isEqualTo(2);
        assertThat(settings.withVectorStore(" ").vectorStoreId()).isNull();
        assertThat(settings.withModel("gpt-5").vectorStoreId()).isEqualTo("vs_1");
        assertThatThrownBy(() -> settings.withToolRounds(0)).hasMessageContaining("toolRounds");
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

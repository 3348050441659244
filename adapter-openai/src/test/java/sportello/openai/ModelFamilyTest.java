package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelFamilyTest {

    @Test
    void gpt4oGpt41AndGpt5Families_acceptImages_withSnapshotsSizesAndGatewayPrefix() {
        assertThat(ModelFamily.acceptsImages("gpt-4o")).isTrue();
        assertThat(ModelFamily.acceptsImages("gpt-4o-mini-2024-07-18")).isTrue();
        assertThat(ModelFamily.acceptsImages("gpt-4.1-mini")).isTrue();
        assertThat(ModelFamily.acceptsImages("gpt-4.1-nano")).isTrue();
        assertThat(ModelFamily.acceptsImages("gpt-5-mini-2025-08-07")).isTrue();
        assertThat(ModelFamily.acceptsImages("openai/GPT-4.1")).isTrue();
    }

    @Test
    void oSeries_acceptImages_butNotTheirTextOnlySiblings() {
        assertThat(ModelFamily.acceptsImages("o1")).isTrue();
        assertThat(ModelFamily.acceptsImages("o1-2024-12-17")).isTrue();
        assertThat(ModelFamily.acceptsImages("o3")).isTrue();
        assertThat(ModelFamily.acceptsImages("o4-mini")).isTrue();
        assertThat(ModelFamily.acceptsImages("o4-mini-2025-04-16")).isTrue();
        assertThat(ModelFamily.acceptsImages("o1-mini")).isFalse();
        assertThat(ModelFamily.acceptsImages("o1-preview")).isFalse();
        assertThat(ModelFamily.acceptsImages("o3-mini")).isFalse();
    }

    @Test
    void otherModels_readTextOnly() {
        assertThat(ModelFamily.acceptsImages("gpt-3.5-turbo")).isFalse();
        assertThat(ModelFamily.acceptsImages("gpt-4")).isFalse();
        assertThat(ModelFamily.acceptsImages("llama3.1:8b")).isFalse();
        assertThat(ModelFamily.acceptsImages("my-finetune")).isFalse();
    }
}

package sportello.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WhatsAppSettingsTest {

    @Test
    void settings_toString_neverShowsSecrets() {
        var settings = TestSettings.any();

        String shown = settings.toString();

        assertThat(shown)
                .contains(TestSettings.PHONE_NUMBER_ID, "v26.0", "https://graph.facebook.com")
                .doesNotContain(TestSettings.ACCESS_TOKEN, TestSettings.APP_SECRET, TestSettings.VERIFY_TOKEN);
    }

    @Test
    void blankAccessToken_isRefusedNamingTheField() {
        assertThatThrownBy(() -> new WhatsAppSettings(
                        "https://graph.facebook.com", "v26.0", "106540352242922", " ", "secret", "verify"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessToken");
    }

    @Test
    void baseUrlThatIsNotHttp_isRefused() {
        assertThatThrownBy(() -> new WhatsAppSettings("graph.facebook.com", "v26.0", "1", "token", "secret", "verify"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
    }
}

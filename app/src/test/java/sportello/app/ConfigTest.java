package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path dir;

    private static final Map<String, String> WHATSAPP = Map.of(
            "VERIFY_TOKEN", "v",
            "WHATSAPP_ACCESS_TOKEN", "t",
            "WHATSAPP_PHONE_ID", "106540352242922",
            "WHATSAPP_APP_SECRET", "s");

    @Test
    void databaseUrl_choosesPostgres_andItsPasswordIsNeverPrinted() {
        var config = Config.from(Map.of("DATABASE_URL", "postgresql://sportello:s3cret@db.example.it:5432/sportello"));

        assertThat(config.database())
                .hasValueSatisfying(database -> assertThat(database.url())
                        .isEqualTo("postgresql://sportello:s3cret@db.example.it:5432/sportello"));
        assertThat(config.toString()).contains("db.example.it").doesNotContain("s3cret");
        assertThat(Config.from(Map.of("DATABASE_URL", "jdbc:postgresql://db/x?user=a&password=p1"))
                        .toString())
                .doesNotContain("p1");
        assertThat(Config.from(Map.of()).database()).isEmpty();
    }

    @Test
    void noSettingsAtAll_startsInDemoModeWithDefaults() {
        var config = Config.from(Map.of());

        assertThat(config.demoMode()).isTrue();
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.openAi()).isEmpty();
    }

    @Test
    void completeWhatsAppSettings_useTheDocumentedDefaults() {
        var config = Config.from(WHATSAPP);

        var whatsApp = config.whatsApp().orElseThrow();
        assertThat(whatsApp.apiBaseUrl()).isEqualTo("https://graph.facebook.com");
        assertThat(whatsApp.apiVersion()).isEqualTo("v26.0");
        assertThat(whatsApp.messagesPerSecond()).isEqualTo(80);
    }

    @Test
    void partialWhatsAppSettings_nameTheMissingKey() {
        assertThatThrownBy(() -> Config.from(Map.of("WHATSAPP_ACCESS_TOKEN", "t")))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("VERIFY_TOKEN is missing");
    }

    @Test
    void malformedValues_nameTheKeyAndTheFix() {
        assertThatThrownBy(() -> Config.from(Map.of("PORT", "80a"))).hasMessageContaining("PORT must be a port number");
        var badPhone = new java.util.HashMap<>(WHATSAPP);
        badPhone.put("WHATSAPP_PHONE_ID", "+39 02 1234 5678");
        assertThatThrownBy(() -> Config.from(badPhone)).hasMessageContaining("WHATSAPP_PHONE_ID must be the numeric");
        var badUrl = new java.util.HashMap<>(WHATSAPP);
        badUrl.put("WHATSAPP_API_BASE_URL", "graph.facebook.com");
        assertThatThrownBy(() -> Config.from(badUrl))
                .hasMessageContaining("WHATSAPP_API_BASE_URL must be an http(s) URL");
        var badVersion = new java.util.HashMap<>(WHATSAPP);
        badVersion.put("WHATSAPP_API_VERSION", "26");
        assertThatThrownBy(() -> Config.from(badVersion))
                .hasMessageContaining("WHATSAPP_API_VERSION must look like v26.0");
    }

    @Test
    void openAiDefaults_areTheDocumentedOnes() {
        var openAi = Config.from(Map.of("OPENAI_API_KEY", "sk-x")).openAi().orElseThrow();

        assertThat(openAi.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(openAi.model()).isEqualTo("gpt-4.1");
        assertThat(openAi.toString()).doesNotContain("sk-x");
    }

    @Test
    void secrets_neverAppearInToString() {
        var config = Config.from(WHATSAPP);

        assertThat(config.toString()).doesNotContain("=t,", "=s,", "=v,").doesNotContain("WHATSAPP_ACCESS_TOKEN");
        assertThat(config.whatsApp().orElseThrow().toString()).doesNotContain("accessToken", "appSecret");
    }

    @Test
    void dotEnv_isTheFallback_andTheEnvironmentWins() throws Exception {
        Files.writeString(dir.resolve(".env"), """
                # comment
                export PORT=4000
                BUSINESS_NAME="Ceramiche Bellini"
                DATA_DIR='/srv/sportello'
                """);

        var config = Config.load(Map.of("PORT", "5000"), dir);

        assertThat(config.port()).isEqualTo(5000);
        assertThat(config.businessName()).isEqualTo("Ceramiche Bellini");
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/sportello"));
    }

    @Test
    void brokenDotEnvLine_isReportedWithItsLineNumber() {
        assertThatThrownBy(() -> DotEnv.parse(List.of("PORT=1", "this is not a setting"), ".env"))
                .hasMessageContaining(".env line 2");
    }

    @Test
    void operationalDefaults_areSensible() {
        var config = Config.from(Map.of());

        assertThat(config.timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Rome"));
        assertThat(config.replyDebounce()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(config.alertWebhookUrl()).isEmpty();
        assertThat(config.dashboard().requiresLogin()).isFalse();
    }

    @Test
    void debounceZero_disablesIt_andNonsenseIsRefused() {
        assertThat(Config.from(Map.of("REPLY_DEBOUNCE_MS", "0")).replyDebounce())
                .isZero();
        assertThatThrownBy(() -> Config.from(Map.of("REPLY_DEBOUNCE_MS", "-5")))
                .hasMessageContaining("REPLY_DEBOUNCE_MS must be a number of milliseconds");
        assertThatThrownBy(() -> Config.from(Map.of("BUSINESS_TIME_ZONE", "Rome")))
                .hasMessageContaining("BUSINESS_TIME_ZONE must be a time zone");
    }

    @Test
    void dashboardLogin_needsUsernameAndAStrongEnoughPassword() {
        assertThatThrownBy(() -> Config.from(Map.of("DASHBOARD_USERNAME", "giulia")))
                .hasMessageContaining("DASHBOARD_PASSWORD");
        assertThatThrownBy(() -> Config.from(Map.of("DASHBOARD_USERNAME", "giulia", "DASHBOARD_PASSWORD", "short")))
                .hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> Config.from(Map.of("DASHBOARD_PASSWORD", "long enough password")))
                .hasMessageContaining("DASHBOARD_USERNAME is missing");
        var config = Config.from(Map.of("DASHBOARD_USERNAME", "giulia", "DASHBOARD_PASSWORD", "long enough password"));
        assertThat(config.dashboard().requiresLogin()).isTrue();
        assertThat(config.dashboard().toString()).doesNotContain("long enough password");
    }

    @Test
    void shortApiToken_isRefused() {
        assertThatThrownBy(() -> Config.from(Map.of("API_TOKEN", "abc"))).hasMessageContaining("API_TOKEN");
    }

    @Test
    void dataProtectionDefaults_andLimits() {
        var config = Config.from(Map.of());

        assertThat(config.backupsKept()).isEqualTo(14);
        assertThat(config.retentionMonths()).isEqualTo(24);
        assertThat(Config.from(Map.of("RETENTION_MONTHS", "0")).retentionMonths())
                .isZero();
        assertThatThrownBy(() -> Config.from(Map.of("BACKUP_KEEP", "0")))
                .hasMessageContaining("BACKUP_KEEP must be a whole number between 1 and 365");
    }

    @Test
    void alertEmail_isOffByDefault_andNeedsACompleteSmtpServer() {
        assertThat(Config.from(Map.of()).alertEmail()).isEmpty();

        assertThatThrownBy(() -> Config.from(Map.of("ALERT_EMAIL_TO", "titolare@example.it")))
                .hasMessageContaining("SMTP_HOST is missing");
        assertThatThrownBy(() -> Config.from(Map.of(
                        "ALERT_EMAIL_TO", "titolare@example.it", "SMTP_HOST", "smtp.example.it", "SMTP_USERNAME", "u")))
                .hasMessageContaining("SMTP_USERNAME and SMTP_PASSWORD go together");
        assertThatThrownBy(() -> Config.from(Map.of("ALERT_EMAIL_TO", "titolare", "SMTP_HOST", "smtp.example.it")))
                .hasMessageContaining("ALERT_EMAIL_TO must be e-mail addresses");
        assertThatThrownBy(() -> Config.from(Map.of(
                        "ALERT_EMAIL_TO", "a@example.it", "SMTP_HOST", "smtp.example.it", "SMTP_SECURITY", "tls")))
                .hasMessageContaining("SMTP_SECURITY must be starttls (port 587), ssl (port 465) or none");
    }

    @Test
    void alertEmail_defaults_followTheSecurityAndTheLogin() {
        var smtp = Config.from(Map.of(
                        "ALERT_EMAIL_TO", "titolare@example.it, socio@example.it",
                        "SMTP_HOST", "smtp.example.it",
                        "SMTP_SECURITY", "SSL",
                        "SMTP_USERNAME", "sportello@example.it",
                        "SMTP_PASSWORD", "segreta"))
                .alertEmail()
                .orElseThrow();

        assertThat(smtp.port()).isEqualTo(465);
        assertThat(smtp.from()).isEqualTo("sportello@example.it");
        assertThat(smtp.to()).containsExactly("titolare@example.it", "socio@example.it");
        assertThat(smtp.toString()).doesNotContain("segreta");
    }

    @Test
    void webhookSilence_defaultsToTwoHours_andZeroTurnsItOff() {
        assertThat(Config.from(Map.of()).webhookSilence()).isEqualTo(java.time.Duration.ofMinutes(120));
        assertThat(Config.from(Map.of("WEBHOOK_SILENCE_MINUTES", "0")).webhookSilence())
                .isZero();
        assertThatThrownBy(() -> Config.from(Map.of("WEBHOOK_SILENCE_MINUTES", "-5")))
                .hasMessageContaining("WEBHOOK_SILENCE_MINUTES must be a whole number of minutes");
    }

    @Test
    void dataDirThatIsNoPath_isAConfigError_notACrash() {
        // found by SettingsFuzzTest: a NUL in DATA_DIR used to escape as InvalidPathException
        assertThatThrownBy(() -> Config.from(Map.of("DATA_DIR", "da\u0000ta")))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("DATA_DIR must be a folder path");
    }
}

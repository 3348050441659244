package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Whatever a {@code .env} holds, startup either gets a configuration or a {@link ConfigError} that says what to fix:
 * never another exception, which would reach the owner as a stack trace. Keys are drawn from the real ones so the
 * fuzzer spends its time on values. {@code ./mvnw test} replays the seeds; {@code ./mvnw verify} fuzzes for
 * {@code maxDuration}.
 */
class SettingsFuzzTest {

    private static final String[] KEYS = {
        "PORT",
        "BIND_ADDRESS",
        "DATA_DIR",
        "BUSINESS_NAME",
        "OPENING_HOURS",
        "PUBLIC_URL",
        "BUSINESS_TIME_ZONE",
        "REPLY_DEBOUNCE_MS",
        "ALERT_WEBHOOK_URL",
        "ALERT_EMAIL_TO",
        "SMTP_HOST",
        "SMTP_PORT",
        "SMTP_SECURITY",
        "SMTP_USERNAME",
        "SMTP_PASSWORD",
        "SMTP_FROM",
        "WEBHOOK_SILENCE_MINUTES",
        "BACKUP_KEEP",
        "RETENTION_MONTHS",
        "DASHBOARD_USERNAME",
        "DASHBOARD_PASSWORD",
        "DASHBOARD_PASSWORD_HASH",
        "API_TOKEN",
        "VERIFY_TOKEN",
        "WHATSAPP_ACCESS_TOKEN",
        "WHATSAPP_PHONE_ID",
        "WHATSAPP_ACCOUNT_ID",
        "WHATSAPP_APP_SECRET",
        "WHATSAPP_API_BASE_URL",
        "WHATSAPP_API_VERSION",
        "WHATSAPP_MESSAGES_PER_SECOND",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "OPENAI_MODEL",
        "OPENAI_PROMPT_ID",
        "OPENAI_PROMPT_VERSION",
        "OPENAI_VECTOR_STORE_ID",
        "OPENAI_HISTORY_TOKEN_BUDGET",
        "OPENAI_TRANSCRIPTION_MODEL"
    };

    @FuzzTest(maxDuration = "15s")
    void anyDotEnv_givesAConfiguration_orAnErrorThatSaysWhatToFix(FuzzedDataProvider data) {
        List<String> lines = new ArrayList<>();
        int count = data.consumeInt(0, 12);
        for (int i = 0; i < count; i++) {
            lines.add(
                    data.consumeBoolean()
                            ? KEYS[data.consumeInt(0, KEYS.length - 1)] + "=" + data.consumeString(80)
                            : data.consumeString(80));
        }
        try {
            var config = Config.from(DotEnv.parse(lines, ".env"));
            assertThat(config.port()).isBetween(1, 65535);
        } catch (ConfigError e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}

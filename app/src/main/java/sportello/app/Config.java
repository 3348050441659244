package sportello.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sportello.app.alerts.SmtpSettings;

/**
 * Sportello's settings, from environment variables with a {@code .env} file in the working directory as fallback
 * (the environment wins). Without any WhatsApp credentials Sportello runs in demo mode; without an OpenAI key it
 * uses the offline agent. Partial WhatsApp settings are an error, never a silent demo.
 */
public record Config(
        int port,
        String bindAddress,
        Path dataDir,
        Optional<Database> database,
        String businessName,
        Optional<String> openingHours,
        Optional<String> publicUrl,
        ZoneId timeZone,
        Duration replyDebounce,
        Optional<String> alertWebhookUrl,
        Optional<SmtpSettings> alertEmail,
        Duration webhookSilence,
        int backupsKept,
        int retentionMonths,
        Dashboard dashboard,
        Optional<WhatsApp> whatsApp,
        Optional<OpenAi> openAi) {

    /** {@code DATABASE_URL}: PostgreSQL instead of the SQLite file in DATA_DIR. Its password is never printed. */
    public record Database(String url) {
        @Override
        public String toString() {
            return "Database["
                    + url.replaceAll("(//[^:/@]*:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***") + "]";
        }
    }

    /**
     * Who may open the dashboard: without a username only the local network (option A); with a username and a
     * password or password hash, anyone who logs in (option B). {@code apiToken} opens {@code /api} to bearer
     * callers from anywhere.
     */
    public record Dashboard(
            Optional<String> username,
            Optional<String> password,
            Optional<String> passwordHash,
            Optional<String> apiToken) {
        public boolean requiresLogin() {
            return username.isPresent();
        }

        @Override
        public String toString() {
            return "Dashboard[username=" + username.orElse("-") + ", login=" + requiresLogin() + ", apiToken="
                    + (apiToken.isPresent() ? "set" : "not set") + "]";
        }
    }

    /** The WhatsApp Cloud API settings; secrets are never printed. */
    public record WhatsApp(
            String verifyToken,
            String accessToken,
            String phoneNumberId,
            String accountId,
            String appSecret,
            String apiBaseUrl,
            String apiVersion,
            int messagesPerSecond) {
        @Override
        public String toString() {
            return "WhatsApp[phoneNumberId=" + phoneNumberId + ", apiBaseUrl=" + apiBaseUrl + ", apiVersion="
                    + apiVersion + ", messagesPerSecond=" + messagesPerSecond + "]";
        }
    }

    /** The OpenAI settings; the key is never printed. */
    public record OpenAi(
            String apiKey,
            String baseUrl,
            String model,
            String promptId,
            String promptVersion,
            String vectorStoreId,
            int historyTokenBudget,
            String transcriptionModel) {
        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", model=" + model + ", promptId=" + promptId + ", vectorStoreId="
                    + vectorStoreId + ", transcriptionModel=" + transcriptionModel + "]";
        }
    }

    static final List<String> WHATSAPP_REQUIRED =
            List.of("VERIFY_TOKEN", "WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_ID", "WHATSAPP_APP_SECRET");

    public static Config load(Map<String, String> environment, Path workingDir) {
        var merged = new HashMap<>(DotEnv.read(workingDir.resolve(".env")));
        environment.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                merged.put(key, value);
            }
        });
        return from(merged);
    }

    static Config from(Map<String, String> values) {
        var env = new Settings(values);
        int port = env.number("PORT", 3000, 1, 65535, "a port number", "");
        String bind = env.text("BIND_ADDRESS", "0.0.0.0");
        Path dataDir = env.path("DATA_DIR", "./data");
        String businessName = env.text("BUSINESS_NAME", "Sportello");
        ZoneId zone = env.zone("BUSINESS_TIME_ZONE", "Europe/Rome");
        Duration debounce = Duration.ofMillis(
                env.number("REPLY_DEBOUNCE_MS", 2000, 0, 60_000, "a number of milliseconds", " (0 disables)"));
        Optional<String> alertUrl = env.has("ALERT_WEBHOOK_URL")
                ? Optional.of(env.url("ALERT_WEBHOOK_URL", "https://hooks.slack.com/services/…"))
                : Optional.empty();
        return new Config(
                port,
                bind,
                dataDir,
                env.optional("DATABASE_URL").map(Database::new),
                businessName,
                env.optional("OPENING_HOURS"),
                env.has("PUBLIC_URL")
                        ? Optional.of(env.url("PUBLIC_URL", "https://sportello.example.it"))
                        : Optional.empty(),
                zone,
                debounce,
                alertUrl,
                alertEmail(env),
                Duration.ofMinutes(env.number(
                        "WEBHOOK_SILENCE_MINUTES", 120, 0, 10_080, "a whole number of minutes", " (0 disables)")),
                env.number("BACKUP_KEEP", 14, 1, 365, "a whole number", ""),
                env.number("RETENTION_MONTHS", 24, 0, 600, "a whole number of months", " (0 keeps messages forever)"),
                dashboard(env),
                whatsApp(env),
                openAi(env));
    }

    /** E-mail alerts are on when ALERT_EMAIL_TO names someone; then the SMTP server must be complete. */
    private static Optional<SmtpSettings> alertEmail(Settings env) {
        if (!env.has("ALERT_EMAIL_TO")) {
            return Optional.empty();
        }
        env.required("SMTP_HOST", "ALERT_EMAIL_TO is set, so alerts are e-mailed through this SMTP server");
        var to = java.util.Arrays.stream(env.text("ALERT_EMAIL_TO", "").split("[,;\\s]+"))
                .filter(a -> !a.isBlank())
                .toList();
        for (String address : to) {
            if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new ConfigError(
                        "ALERT_EMAIL_TO must be e-mail addresses separated by commas, got '" + address + "'");
            }
        }
        SmtpSettings.Security security;
        try {
            security = SmtpSettings.Security.valueOf(
                    env.text("SMTP_SECURITY", "starttls").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigError("SMTP_SECURITY must be starttls (port 587), ssl (port 465) or none, got '"
                    + env.text("SMTP_SECURITY", "") + "'");
        }
        int defaultPort = security == SmtpSettings.Security.SSL ? 465 : 587;
        var username = env.optional("SMTP_USERNAME");
        var password = env.optional("SMTP_PASSWORD");
        if (username.isPresent() != password.isPresent()) {
            throw new ConfigError("SMTP_USERNAME and SMTP_PASSWORD go together: set both (the mailbox login), or"
                    + " neither for a server that needs no login");
        }
        String from = env.optional("SMTP_FROM")
                .or(() -> username.filter(u -> u.contains("@")))
                .orElseThrow(() -> new ConfigError(
                        "SMTP_FROM is missing: the sender address of alert e-mails, e.g. sportello@example.it"));
        return Optional.of(new SmtpSettings(
                env.text("SMTP_HOST", ""),
                env.number("SMTP_PORT", defaultPort, 1, 65535, "a port number", ""),
                security,
                username,
                password,
                from,
                to));
    }

    private static Dashboard dashboard(Settings env) {
        var username = env.optional("DASHBOARD_USERNAME");
        var password = env.optional("DASHBOARD_PASSWORD");
        var hash = env.optional("DASHBOARD_PASSWORD_HASH");
        if (username.isPresent() && password.isEmpty() && hash.isEmpty()) {
            throw new ConfigError("DASHBOARD_USERNAME is set but DASHBOARD_PASSWORD (or DASHBOARD_PASSWORD_HASH) is"
                    + " missing: set one, or remove DASHBOARD_USERNAME to keep the dashboard local-network only");
        }
        if (username.isEmpty() && (password.isPresent() || hash.isPresent())) {
            throw new ConfigError("DASHBOARD_PASSWORD is set but DASHBOARD_USERNAME is missing: set the username"
                    + " staff will log in with");
        }
        if (password.isPresent() && password.get().length() < 10) {
            throw new ConfigError("DASHBOARD_PASSWORD must be at least 10 characters long: the dashboard may be"
                    + " reachable from the internet");
        }
        var token = env.optional("API_TOKEN");
        if (token.isPresent() && token.get().length() < 24) {
            throw new ConfigError("API_TOKEN must be at least 24 characters long (e.g. openssl rand -hex 24)");
        }
        return new Dashboard(username, password, hash, token);
    }

    private static Optional<WhatsApp> whatsApp(Settings env) {
        boolean any = WHATSAPP_REQUIRED.stream().anyMatch(env::has);
        if (!any) {
            return Optional.empty();
        }
        for (String key : WHATSAPP_REQUIRED) {
            env.required(key, "it is needed with the other WhatsApp settings (or remove them all for demo mode)");
        }
        String phoneId = env.text("WHATSAPP_PHONE_ID", null);
        if (!phoneId.matches("\\d{5,20}")) {
            throw new ConfigError("WHATSAPP_PHONE_ID must be the numeric phone number id from Meta's WhatsApp"
                    + " API Setup page (not the phone number itself), got '" + phoneId + "'");
        }
        return Optional.of(new WhatsApp(
                env.text("VERIFY_TOKEN", null),
                env.text("WHATSAPP_ACCESS_TOKEN", null),
                phoneId,
                env.text("WHATSAPP_ACCOUNT_ID", ""),
                env.text("WHATSAPP_APP_SECRET", null),
                env.url("WHATSAPP_API_BASE_URL", "https://graph.facebook.com"),
                env.version("WHATSAPP_API_VERSION", "v26.0"),
                env.number(
                        "WHATSAPP_MESSAGES_PER_SECOND",
                        80,
                        1,
                        1000,
                        "a whole number of messages per second",
                        " (Meta's tiers are 80 and 1000)")));
    }

    private static Optional<OpenAi> openAi(Settings env) {
        if (!env.has("OPENAI_API_KEY")) {
            return Optional.empty();
        }
        return Optional.of(new OpenAi(
                env.text("OPENAI_API_KEY", null),
                env.url("OPENAI_BASE_URL", "https://api.openai.com/v1"),
                env.text("OPENAI_MODEL", "gpt-4.1"),
                env.text("OPENAI_PROMPT_ID", null),
                env.text("OPENAI_PROMPT_VERSION", null),
                env.text("OPENAI_VECTOR_STORE_ID", null),
                env.number("OPENAI_HISTORY_TOKEN_BUDGET", 3000, 500, 200_000, "a number of tokens", ""),
                env.text("OPENAI_TRANSCRIPTION_MODEL", "gpt-4o-mini-transcribe")));
    }

    public boolean demoMode() {
        return whatsApp.isEmpty();
    }

    /** Typed reads with errors that name the key and say how to fix it. */
    private record Settings(Map<String, String> values) {

        boolean has(String key) {
            var value = values.get(key);
            return value != null && !value.isBlank();
        }

        String text(String key, String fallback) {
            return has(key) ? values.get(key).strip() : fallback;
        }

        Optional<String> optional(String key) {
            return has(key) ? Optional.of(values.get(key).strip()) : Optional.empty();
        }

        /** A whole number in [min, max]; the error names the key, what it measures and the range. */
        int number(String key, int fallback, int min, int max, String what, String hint) {
            if (!has(key)) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(values.get(key).strip());
                if (value < min || value > max) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigError(key + " must be " + what + " between " + min + " and " + max + hint + ", got '"
                        + values.get(key) + "'");
            }
        }

        Path path(String key, String fallback) {
            String value = text(key, fallback);
            try {
                return Path.of(value);
            } catch (java.nio.file.InvalidPathException e) {
                throw new ConfigError(key + " must be a folder path such as " + fallback + ", got '" + value + "' ("
                        + e.getReason() + ")");
            }
        }

        ZoneId zone(String key, String fallback) {
            String value = text(key, fallback);
            try {
                return ZoneId.of(value);
            } catch (java.time.DateTimeException e) {
                throw new ConfigError(key + " must be a time zone such as Europe/Rome, got '" + value + "'");
            }
        }

        void required(String key, String why) {
            if (!has(key)) {
                throw new ConfigError(key + " is missing: " + why + ". Set it in the environment or in .env.");
            }
        }

        String url(String key, String fallback) {
            String value = text(key, fallback);
            try {
                var uri = URI.create(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigError(key + " must be an http(s) URL such as " + fallback + ", got '" + value + "'");
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }

        String version(String key, String fallback) {
            String value = text(key, fallback);
            if (!value.matches("v\\d+\\.\\d+")) {
                throw new ConfigError(key + " must look like " + fallback + ", got '" + value + "'");
            }
            return value;
        }
    }
}

package sportello.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sportello's settings, from environment variables with a {@code .env} file in the working directory as fallback
 * (the environment wins). Without any WhatsApp credentials Sportello runs in demo mode; without an OpenAI key it
 * uses the offline agent. Partial WhatsApp settings are an error, never a silent demo.
 */
public record Config(
        int port,
        String bindAddress,
        Path dataDir,
        String businessName,
        Optional<WhatsApp> whatsApp,
        Optional<OpenAi> openAi) {

    /** The WhatsApp Cloud API settings; secrets are never printed. */
    public record WhatsApp(
            String verifyToken,
            String accessToken,
            String phoneNumberId,
            String accountId,
            String appSecret,
            String apiBaseUrl,
            String apiVersion) {
        @Override
        public String toString() {
            return "WhatsApp[phoneNumberId=" + phoneNumberId + ", apiBaseUrl=" + apiBaseUrl + ", apiVersion="
                    + apiVersion + "]";
        }
    }

    /** The OpenAI settings; the key is never printed. */
    public record OpenAi(String apiKey, String baseUrl, String model, String promptId, String promptVersion) {
        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", model=" + model + ", promptId=" + promptId + "]";
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
        int port = env.port("PORT", 3000);
        String bind = env.text("BIND_ADDRESS", "0.0.0.0");
        Path dataDir = Path.of(env.text("DATA_DIR", "./data"));
        String businessName = env.text("BUSINESS_NAME", "Sportello");
        return new Config(port, bind, dataDir, businessName, whatsApp(env), openAi(env));
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
                env.version("WHATSAPP_API_VERSION", "v26.0")));
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
                env.text("OPENAI_PROMPT_VERSION", null)));
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

        void required(String key, String why) {
            if (!has(key)) {
                throw new ConfigError(key + " is missing: " + why + ". Set it in the environment or in .env.");
            }
        }

        int port(String key, int fallback) {
            if (!has(key)) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(values.get(key).strip());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new ConfigError(
                        key + " must be a port number between 1 and 65535, got '" + values.get(key) + "'");
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

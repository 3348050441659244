package sportello.whatsapp;

import okhttp3.HttpUrl;

/**
 * How Sportello reaches one WhatsApp Cloud API number: where the Graph API is, which version and number to use, and
 * the secrets that authenticate both directions. {@link #toString()} masks the secrets so the settings can be logged.
 */
public record WhatsAppSettings(
        String baseUrl,
        String apiVersion,
        String phoneNumberId,
        String accessToken,
        String appSecret,
        String verifyToken) {

    /** Meta's production host; tests point {@code baseUrl} at a MockWebServer instead. */
    public static final String GRAPH_BASE_URL = "https://graph.facebook.com";

    /** The newest Graph API version we read about; configuration, never hard-coded at the call site. */
    public static final String DEFAULT_API_VERSION = "v26.0";

    public WhatsAppSettings {
        requireNonBlank(baseUrl, "baseUrl");
        requireNonBlank(apiVersion, "apiVersion");
        requireNonBlank(phoneNumberId, "phoneNumberId");
        requireNonBlank(accessToken, "accessToken");
        requireNonBlank(appSecret, "appSecret");
        requireNonBlank(verifyToken, "verifyToken");
        baseUrl = baseUrl.strip();
        apiVersion = apiVersion.strip();
        phoneNumberId = phoneNumberId.strip();
        if (HttpUrl.parse(baseUrl) == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, got: " + baseUrl);
        }
    }

    /** Secrets are shown only as "***": settings end up in startup logs and exception messages. */
    @Override
    public String toString() {
        return "WhatsAppSettings[baseUrl=" + baseUrl
                + ", apiVersion=" + apiVersion
                + ", phoneNumberId=" + phoneNumberId
                + ", accessToken=***, appSecret=***, verifyToken=***]";
    }

    private static void requireNonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("WhatsApp setting " + field + " must not be blank");
        }
    }
}

package sportello.whatsapp;

/** Settings for tests: the fixtures' business number and App Secret, and the Graph API at a local address. */
public final class TestSettings {

    public static final String PHONE_NUMBER_ID = "106540352242922";

    /** The WhatsApp Business Account id, which lists the templates. */
    public static final String ACCOUNT_ID = "184932760215487";

    public static final String APP_SECRET = "test-app-secret";
    public static final String ACCESS_TOKEN = "test-access-token-EAAG0123456789";
    public static final String VERIFY_TOKEN = "test-verify-token";

    private TestSettings() {}

    public static WhatsAppSettings at(String baseUrl) {
        return new WhatsAppSettings(baseUrl, "v26.0", PHONE_NUMBER_ID, ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN);
    }

    public static WhatsAppSettings any() {
        return at(WhatsAppSettings.GRAPH_BASE_URL);
    }
}

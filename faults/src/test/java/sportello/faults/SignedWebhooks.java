package sportello.faults;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Webhook bodies as Meta writes them (compact, non-ASCII as \\uXXXX, slash as \/), signed with the app secret. */
final class SignedWebhooks {

    static final String APP_SECRET = "faults-app-secret-7c1e5a9d3b";
    static final String PHONE_ID = "106540352242922";

    private SignedWebhooks() {}

    /** A customer's text message, with the customer's token in Meta's escaped form. */
    static byte[] text(Customer c) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return envelope("\"contacts\":[{\"profile\":{\"name\":\"" + c.name() + "\"},\"wa_id\":\"" + c.phone()
                        + "\",\"user_id\":\"" + c.userId() + "\"}],\"messages\":[{\"from\":\"" + c.phone()
                        + "\",\"from_user_id\":\"" + c.userId() + "\",\"id\":\"" + c.wamid() + "\",\"timestamp\":\""
                        + ts + "\",\"type\":\"text\",\"text\":{\"body\":\"Buongiorno! L'ordine del 14\\/11 \\u00e8"
                        + " gi\\u00e0 partito? Rif. " + c.token() + " \\ud83d\\ude0a\"}}]")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A status report about a message we sent, carrying our correlation like Meta does. */
    static byte[] status(String recipient, String wamid, String state, String callbackData) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String callback = callbackData == null ? "" : ",\"biz_opaque_callback_data\":\"" + callbackData + "\"";
        return envelope("\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + state + "\",\"timestamp\":\"" + ts
                        + "\",\"recipient_id\":\"" + recipient + "\"" + callback + ",\"pricing\":{\"billable\":false,"
                        + "\"pricing_model\":\"PMP\",\"type\":\"free_customer_service\",\"category\":\"service\"}}]")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code X-Hub-Signature-256} header for these exact bytes. */
    static String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String envelope(String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"184932760215487\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"390212345678\",\"phone_number_id\":\"" + PHONE_ID + "\"}," + value
                + "},\"field\":\"messages\"}]}]}";
    }
}

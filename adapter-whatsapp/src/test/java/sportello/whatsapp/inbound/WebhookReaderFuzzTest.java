package sportello.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.inbound.SignedWebhooks.READER;
import static sportello.whatsapp.inbound.SignedWebhooks.hmacHex;
import static sportello.whatsapp.inbound.SignedWebhooks.signed;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import sportello.ports.out.WebhookReader.Reading;
import sportello.whatsapp.TestSettings;

/**
 * The fuzz target for the webhook reader. Its invariant: whatever arrives, {@code read} answers Events, Forged or
 * Unreadable and never throws. {@code ./mvnw test} replays the seeds in {@code WebhookReaderFuzzTestInputs} (the
 * webhook fixtures and every crash found so far); {@code ./mvnw verify} also fuzzes for {@code maxDuration} (profile
 * {@code fuzz} in this module's pom).
 *
 * <p>One target, three strategies, because Jazzer fuzzes one target per JVM and each JVM costs seconds of setup. The
 * input's last byte picks the strategy: 0 edits a fixture as JSON, 1 tries a signature header, anything else means the
 * whole input is a body, signed correctly so it reaches the parser. So the fixtures themselves (ending in '}' or a
 * newline) are seeds as they are; the {@code edit-*} seeds are a fixture index and a 0, {@code header-*} end in a 1.
 */
class WebhookReaderFuzzTest {

    private static final String PREFIX = "sha256=";

    @FuzzTest(maxDuration = "25s")
    void anyDelivery_isAnsweredWithoutThrowing(FuzzedDataProvider data) {
        int strategy = data.consumeByte() & 0xFF;
        switch (strategy) {
            case 0 -> editedFixture(data);
            case 1 -> signatureHeader(data);
            default -> signedBody(data, (byte) strategy);
        }
    }

    /** Raw bytes, signed correctly: the parser must answer, and only Events or Unreadable. */
    private static void signedBody(FuzzedDataProvider data, byte last) {
        byte[] rest = data.consumeRemainingAsBytes();
        byte[] body = Arrays.copyOf(rest, rest.length + 1);
        body[rest.length] = last; // the strategy byte is part of the body: a fixture seed is read byte for byte

        Reading reading = READER.read(body, signed(body));

        assertThat(reading).isNotInstanceOf(Reading.Forged.class);
        assertWellFormed(reading);
    }

    /** A fixture with a few JSON-aware edits: still a signed JSON object, so it must always yield events. */
    private static void editedFixture(FuzzedDataProvider data) {
        byte[] body = WebhookMutations.next(data);

        Reading reading = READER.read(body, signed(body));

        assertThat(reading).isInstanceOf(Reading.Events.class);
        assertWellFormed(reading);
    }

    /** Any header, any body: the check never throws, and it passes exactly when the header carries the body's HMAC. */
    private static void signatureHeader(FuzzedDataProvider data) {
        int variant = data.consumeInt(0, 6);
        String name = data.consumeBoolean() ? "x-hub-signature-256" : "X-Hub-Signature-256";
        char replacement = data.consumeChar();
        int position = data.consumeInt(0, PREFIX.length() + 63);
        String noise = variant == 1 || variant == 2 || variant == 4 ? data.consumeString(100) : "";
        byte[] body = data.consumeRemainingAsBytes();
        String hmac = hmacHex(body, TestSettings.APP_SECRET);
        String header = header(variant, hmac, noise, replacement, position);
        Map<String, String> headers = new HashMap<>();
        headers.put(name, header);

        boolean authentic = new WebhookSignature(TestSettings.APP_SECRET)
                .whyNotAuthentic(body, header)
                .isEmpty();
        Reading reading = READER.read(body, headers);

        assertThat(authentic).as("verified %s", header).isEqualTo(isTheRightHmac(header, hmac));
        assertThat(reading instanceof Reading.Forged).isEqualTo(!authentic);
        assertWellFormed(reading);
    }

    /** Mostly near-misses of the right header, which random strings would almost never hit. */
    private static String header(int variant, String hmac, String noise, char replacement, int position) {
        String right = PREFIX + hmac;
        return switch (variant) {
            case 0 -> null;
            case 1 -> noise;
            case 2 -> PREFIX + noise;
            case 3 -> right.substring(0, position) + replacement + right.substring(position + 1);
            case 4 -> noise + right + noise;
            case 5 -> PREFIX.toUpperCase(Locale.ROOT) + hmac.toUpperCase(Locale.ROOT);
            default -> right;
        };
    }

    /** The oracle, written independently: the ASCII prefix in any case, then the 64 hex digits, blanks around. */
    private static boolean isTheRightHmac(String header, String hmac) {
        if (header == null) {
            return false;
        }
        String value = header.strip();
        return value.length() == PREFIX.length() + hmac.length()
                && value.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)
                && value.substring(PREFIX.length()).toLowerCase(Locale.ROOT).equals(hmac);
    }

    private static void assertWellFormed(Reading reading) {
        switch (reading) {
            case Reading.Events events -> {
                assertThat(events.messages()).doesNotContainNull();
                assertThat(events.statuses()).doesNotContainNull();
                assertThat(events.notices()).doesNotContainNull();
                assertThat(events.echoes()).doesNotContainNull();
            }
            case Reading.Forged forged -> assertThat(forged.reason()).isNotBlank();
            case Reading.Unreadable unreadable ->
                assertThat(unreadable.reason()).isNotBlank();
        }
    }
}

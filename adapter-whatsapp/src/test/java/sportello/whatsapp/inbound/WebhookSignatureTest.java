package sportello.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.inbound.SignedWebhooks.READER;
import static sportello.whatsapp.inbound.SignedWebhooks.hmacHex;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sportello.ports.out.WebhookReader.Reading;
import sportello.whatsapp.Fixtures;
import sportello.whatsapp.TestSettings;

/** The test vector from the fixtures README: Meta's exact bytes verify, any re-serialisation does not. */
class WebhookSignatureTest {

    private static final String VECTOR_HEX = "f5664e2b2ab7807ac8788b8f77fe3c40c7ce38efc14d78ec78ad714728335d10";
    private static final Map<String, String> VECTOR_HEADER = Map.of("x-hub-signature-256", "sha256=" + VECTOR_HEX);

    private final byte[] wireBytes = Fixtures.bytes("inbound-text.json");

    @Test
    void fixtureBytes_areTheDocumentedTestVector() {
        assertThat(wireBytes).hasSize(644);
        assertThat(hmacHex(wireBytes, TestSettings.APP_SECRET)).isEqualTo(VECTOR_HEX);
    }

    @Test
    void signedText_isReadAsOneTextMessage() {
        Reading reading = READER.read(wireBytes, VECTOR_HEADER);

        assertThat(reading).isInstanceOf(Reading.Events.class);
        assertThat(((Reading.Events) reading).messages()).hasSize(1);
    }

    @Test
    void jacksonReserialisedBody_doesNotVerify() throws Exception {
        var mapper = new ObjectMapper();
        byte[] reserialised = mapper.writeValueAsBytes(mapper.readTree(wireBytes));

        Reading reading = READER.read(reserialised, VECTOR_HEADER);

        assertThat(reserialised).isNotEqualTo(wireBytes);
        assertThat(reading).isInstanceOf(Reading.Forged.class);
    }

    @Test
    void bodyWithEveryEscapeDecoded_isTheSecondNegativeVectorAndDoesNotVerify() {
        byte[] decoded =
                decodeEscapes(new String(wireBytes, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.UTF_8);

        Reading reading = READER.read(decoded, VECTOR_HEADER);

        assertThat(decoded).hasSize(623);
        assertThat(hmacHex(decoded, TestSettings.APP_SECRET))
                .isEqualTo("039dcb957319287e015cd83b8a03f90dda9df74cbaad607707e6ac6893facbb6");
        assertThat(reading).isInstanceOf(Reading.Forged.class);
    }

    @Test
    void firstNegativeVectorSignature_doesNotVerifyTheWireBytes() {
        var header = Map.of(
                "x-hub-signature-256", "sha256=68c7be77855f09a8e87a3fd450427588e1b17e0adffad09d43f594ea98c0e04c");

        assertThat(READER.read(wireBytes, header)).isInstanceOf(Reading.Forged.class);
    }

    @Test
    void oneTrailingNewline_breaksTheSignature() {
        byte[] withNewline =
                (new String(wireBytes, StandardCharsets.US_ASCII) + "\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(READER.read(withNewline, VECTOR_HEADER)).isInstanceOf(Reading.Forged.class);
    }

    @Test
    void missingHeader_isForged() {
        Reading reading = READER.read(wireBytes, Map.of("content-type", "application/json"));

        assertThat(reading)
                .isInstanceOfSatisfying(
                        Reading.Forged.class,
                        forged -> assertThat(forged.reason()).contains("missing"));
    }

    @Test
    void nullHeadersAndBody_areForgedWithoutException() {
        assertThat(READER.read(null, null)).isInstanceOf(Reading.Forged.class);
    }

    /** Found by fuzzing: a header map holding null under another spelling of the name made read() throw. */
    @Test
    void headerPresentWithNullValue_isForgedWithoutException() {
        var headers = new HashMap<String, String>();
        headers.put("X-Hub-Signature-256", null);

        assertThat(READER.read(wireBytes, headers))
                .isInstanceOfSatisfying(
                        Reading.Forged.class,
                        forged -> assertThat(forged.reason()).contains("missing"));
    }

    @Test
    void badHex_isForged() {
        var header = Map.of("x-hub-signature-256", "sha256=zz" + VECTOR_HEX.substring(2));

        assertThat(READER.read(wireBytes, header))
                .isInstanceOfSatisfying(
                        Reading.Forged.class,
                        forged -> assertThat(forged.reason()).contains("hex"));
    }

    @Test
    void headerWithoutPrefix_isForged() {
        assertThat(READER.read(wireBytes, Map.of("x-hub-signature-256", VECTOR_HEX)))
                .isInstanceOf(Reading.Forged.class);
    }

    @Test
    void uppercasePrefix_isAccepted() {
        var header = Map.of("x-hub-signature-256", "SHA256=" + VECTOR_HEX);

        assertThat(READER.read(wireBytes, header)).isInstanceOf(Reading.Events.class);
    }

    /** Found by the fuzz oracle (seed header-long-s-prefix): Unicode case folding turned "ſ" into "s". */
    @Test
    void prefixWithALongS_isForgedEvenWithTheRightHmac() {
        var header = Map.of("x-hub-signature-256", "ſha256=" + VECTOR_HEX);

        assertThat(READER.read(wireBytes, header))
                .isInstanceOfSatisfying(
                        Reading.Forged.class,
                        forged -> assertThat(forged.reason()).contains("sha256="));
    }

    @Test
    void headerNamedInAnotherCase_isStillFound() {
        var header = Map.of("X-Hub-Signature-256", "sha256=" + VECTOR_HEX);

        assertThat(READER.read(wireBytes, header)).isInstanceOf(Reading.Events.class);
    }

    @Test
    void signatureWithAnotherSecret_isForgedAndTheReasonLeaksNothing() {
        var header = Map.of("x-hub-signature-256", "sha256=" + hmacHex(wireBytes, "another-secret"));

        Reading reading = READER.read(wireBytes, header);

        assertThat(reading)
                .isInstanceOfSatisfying(
                        Reading.Forged.class,
                        forged -> assertThat(forged.reason())
                                .doesNotContain(
                                        TestSettings.APP_SECRET, "Buongiorno", "wamid", "whatsapp_business_account"));
    }

    @Test
    void legacySha1HeaderAlone_isForged() {
        assertThat(READER.read(wireBytes, Map.of("x-hub-signature", "sha1=0123456789abcdef")))
                .isInstanceOf(Reading.Forged.class);
    }

    /** Turns Meta's ASCII escapes into raw characters: {@code \/} to {@code /} and {@code \}{@code uXXXX} to chars. */
    private static String decodeEscapes(String json) {
        String slashes = json.replace("\\/", "/");
        Matcher escape = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(slashes);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            char c = (char) Integer.parseInt(escape.group(1), 16);
            escape.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(c)));
        }
        escape.appendTail(out);
        return out.toString();
    }
}

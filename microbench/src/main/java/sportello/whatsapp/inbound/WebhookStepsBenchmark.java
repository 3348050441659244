package sportello.whatsapp.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sportello.microbench.WebhookFixture;
import sportello.ports.out.WebhookReader.Reading;

/**
 * The steps of {@link WhatsAppWebhookReader#read} one at a time: the {@code X-Hub-Signature-256} check alone, the
 * JSON tree alone, and the reading without the signature check. It lives in the reader's package because those steps
 * are package-private; if they are renamed, this file follows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class WebhookStepsBenchmark {

    @Param
    public WebhookFixture fixture;

    private WebhookSignature signature;
    private WebhookPayload payload;
    private ObjectMapper mapper;
    private byte[] body;
    private String header;

    @Setup
    public void setUp() {
        signature = new WebhookSignature(WebhookFixture.settings().appSecret());
        payload = new WebhookPayload(Set.of(WebhookFixture.PHONE_NUMBER_ID));
        mapper = new ObjectMapper();
        body = fixture.bytes();
        header = WebhookFixture.signatureOf(body);
        if (signature.whyNotAuthentic(body, header).isPresent()) {
            throw new IllegalStateException(fixture + " signature was not accepted");
        }
    }

    /** HMAC-SHA256 over the body and the constant-time comparison; empty means authentic. */
    @Benchmark
    public Optional<String> signatureCheck() {
        return signature.whyNotAuthentic(body, header);
    }

    /** Jackson's tree of the body, the first half of reading. */
    @Benchmark
    public JsonNode jsonTree() throws IOException {
        return mapper.readTree(body);
    }

    /** JSON tree and mapping to customer messages, status reports and notices: reading without the signature. */
    @Benchmark
    public Reading unsignedReading() throws IOException {
        return payload.events(mapper.readTree(body));
    }
}

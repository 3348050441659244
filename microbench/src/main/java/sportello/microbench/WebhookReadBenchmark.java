package sportello.microbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
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
import sportello.ports.out.WebhookReader.Reading;
import sportello.whatsapp.inbound.WhatsAppWebhookReader;

/**
 * {@link WhatsAppWebhookReader#read} through its public API, as the webhook route calls it: a signed delivery
 * (signature check, JSON tree, mapping to domain messages) and a forged one (the HMAC is computed, then refused).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class WebhookReadBenchmark {

    @Param
    public WebhookFixture fixture;

    private WhatsAppWebhookReader reader;
    private byte[] body;
    private Map<String, String> signedHeaders;
    private Map<String, String> forgedHeaders;

    @Setup
    public void setUp() {
        reader = new WhatsAppWebhookReader(
                WebhookFixture.settings(), Set.of(WebhookFixture.PHONE_NUMBER_ID), new ObjectMapper());
        body = fixture.bytes();
        signedHeaders = WebhookFixture.headers(WebhookFixture.signatureOf(body));
        forgedHeaders = WebhookFixture.headers(WebhookFixture.wrongSignatureOf(body));
        // Measure the paths named here, not an early exit: fail the run if the reader disagrees.
        if (!(reader.read(body, signedHeaders) instanceof Reading.Events events)
                || events.messages().isEmpty()
                || !events.notices().isEmpty()) {
            throw new IllegalStateException(
                    fixture + " did not read as clean events: " + reader.read(body, signedHeaders));
        }
        if (!(reader.read(body, forgedHeaders) instanceof Reading.Forged)) {
            throw new IllegalStateException(fixture + " with a wrong signature was not refused");
        }
    }

    @Benchmark
    public Reading signedDelivery() {
        return reader.read(body, signedHeaders);
    }

    @Benchmark
    public Reading forgedDelivery() {
        return reader.read(body, forgedHeaders);
    }
}

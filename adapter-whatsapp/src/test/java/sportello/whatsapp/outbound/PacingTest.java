package sportello.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.whatsapp.outbound.GraphAnswers.accepted;
import static sportello.whatsapp.outbound.GraphAnswers.fixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import sportello.domain.customer.Customer;
import sportello.ports.out.Channel.SendResult;
import sportello.whatsapp.TestSettings;

/** The business number's throughput bucket and each customer's pair rate, on a clock the test moves. */
class PacingTest {

    private static final Customer GIULIA = Customer.of("IT.1234567890123456", "393331234567", "Giulia Rossi");
    private static final Customer MARCO = Customer.of("IT.6543210987654321", "393387654321", "Marco Bianchi");
    private static final String OUTBOX_ID = "01JD3Q8Z6YV5M2K7C9R4T0W1XA";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestClock clock = new TestClock();

    @Test
    void defaultPacing_is80MessagesPerSecondOnTheSystemClock() {
        assertThat(Pacing.standard()).isEqualTo(new Pacing(80, InstantSource.system()));
        assertThatThrownBy(() -> new Pacing(0, clock)).hasMessageContaining("messagesPerSecond");
    }

    @Test
    void bucketOf80_letsABurstOf80Through_thenTheNextWaits12point5Milliseconds() {
        var limit = new ThroughputLimit(80, clock);

        List<Optional<Duration>> burst = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            burst.add(limit.take(1));
        }

        assertThat(burst).allMatch(Optional::isEmpty);
        assertThat(limit.take(1)).contains(Duration.ofNanos(12_500_000));
        clock.advance(Duration.ofNanos(12_500_000));
        assertThat(limit.take(1)).isEmpty();
    }

    @Test
    void emptyBucket_refillsAtTheRate_andNeverHoldsMoreThanOneSecondsWorth() {
        var limit = new ThroughputLimit(4, clock);
        drain(limit, 4);

        clock.advance(Duration.ofMillis(500));
        assertThat(limit.take(2)).isEmpty();
        assertThat(limit.take(1)).contains(Duration.ofMillis(250));

        clock.advance(Duration.ofMinutes(10));
        drain(limit, 4);
        assertThat(limit.take(1)).isPresent();
    }

    @Test
    void batchBiggerThanTheBucket_goesWhenTheBucketIsFull_andTheDebtDelaysTheNext() {
        var limit = new ThroughputLimit(4, clock);

        assertThat(limit.take(6)).isEmpty();

        assertThat(limit.take(1)).contains(Duration.ofMillis(750));
    }

    @Test
    void sendWhenTheNumbersBucketIsEmpty_isRetryLaterWithTheWait_withoutCallingGraph() {
        var channel = channel(4);
        for (int i = 0; i < 4; i++) {
            server.enqueue(accepted("wamid.OK" + i));
            assertThat(channel.send(GIULIA, "ciao " + i, OUTBOX_ID)).isInstanceOf(SendResult.Accepted.class);
        }

        SendResult fifth = channel.send(MARCO, "ciao", OUTBOX_ID);

        assertThat(fifth).isInstanceOfSatisfying(SendResult.RetryLater.class, retry -> {
            assertThat(retry.after()).isEqualTo(Duration.ofMillis(250));
            assertThat(retry.reason()).contains("4 messages per second");
        });
        assertThat(server.getRequestCount()).isEqualTo(4);
        clock.advance(Duration.ofMillis(250));
        server.enqueue(accepted("wamid.OK5"));
        assertThat(channel.send(MARCO, "ciao", OUTBOX_ID)).isEqualTo(new SendResult.Accepted("wamid.OK5"));
    }

    @Test
    void readReceipts_countAgainstTheSameBucket_andAreSkippedWhenItIsEmpty() {
        var channel = channel(2);
        server.enqueue(fixture(200, "send-mark-read-typing.response.json"));
        server.enqueue(fixture(200, "send-mark-read-typing.response.json"));

        channel.markRead(TestSettings.PHONE_NUMBER_ID, "wamid.A");
        channel.markRead(TestSettings.PHONE_NUMBER_ID, "wamid.B");
        channel.markRead(TestSettings.PHONE_NUMBER_ID, "wamid.C");
        SendResult send = channel.send(GIULIA, "ciao", OUTBOX_ID);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(send)
                .isInstanceOfSatisfying(
                        SendResult.RetryLater.class,
                        retry -> assertThat(retry.after()).isEqualTo(Duration.ofMillis(500)));
    }

    @Test
    void pairRate_backsOffThisCustomer_1_4_16_64_256_256Seconds_withoutCallingGraphMeanwhile() {
        var channel = channel(80);
        List<Duration> waits = new ArrayList<>();

        for (int hit = 0; hit < 6; hit++) {
            server.enqueue(fixture(400, "error-131056.response.json"));
            var retry = (SendResult.RetryLater) channel.send(GIULIA, "ciao", OUTBOX_ID);
            waits.add(retry.after());
            int requests = server.getRequestCount();

            clock.advance(retry.after().minusMillis(100));
            assertThat(channel.send(GIULIA, "ciao", OUTBOX_ID))
                    .isEqualTo(new SendResult.RetryLater(
                            ErrorClassification.pairRatePause(Duration.ofMillis(100), Optional.empty()),
                            Duration.ofMillis(100)));
            assertThat(server.getRequestCount()).isEqualTo(requests);
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(64),
                        Duration.ofSeconds(256),
                        Duration.ofSeconds(256));
    }

    @Test
    void pairRatePause_isForThatCustomerOnly() {
        var channel = channel(80);
        server.enqueue(fixture(400, "error-131056.response.json"));
        server.enqueue(accepted("wamid.MARCO"));

        channel.send(GIULIA, "ciao", OUTBOX_ID);

        assertThat(channel.send(MARCO, "ciao", OUTBOX_ID)).isEqualTo(new SendResult.Accepted("wamid.MARCO"));
        assertThat(channel.send(GIULIA, "ciao", OUTBOX_ID)).isInstanceOf(SendResult.RetryLater.class);
    }

    @Test
    void acceptedSend_resetsTheCustomersBackoffToOneSecond() {
        var channel = channel(80);
        server.enqueue(fixture(400, "error-131056.response.json"));
        server.enqueue(fixture(400, "error-131056.response.json"));
        server.enqueue(accepted("wamid.OK"));
        server.enqueue(fixture(400, "error-131056.response.json"));

        channel.send(GIULIA, "ciao", OUTBOX_ID);
        clock.advance(Duration.ofSeconds(1));
        assertThat(((SendResult.RetryLater) channel.send(GIULIA, "ciao", OUTBOX_ID)).after())
                .isEqualTo(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(4));
        assertThat(channel.send(GIULIA, "ciao", OUTBOX_ID)).isEqualTo(new SendResult.Accepted("wamid.OK"));

        assertThat(((SendResult.RetryLater) channel.send(GIULIA, "ciao", OUTBOX_ID)).after())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterLongerThanTheBackoff_wins() {
        server.enqueue(fixture(429, "error-131056.response.json")
                .newBuilder()
                .addHeader("Retry-After", "30")
                .build());

        assertThat(channel(80).send(GIULIA, "ciao", OUTBOX_ID))
                .isInstanceOfSatisfying(
                        SendResult.RetryLater.class,
                        retry -> assertThat(retry.after()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void backoffSequence_isFourToTheN_cappedAt256Seconds() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 40).stream()
                        .map(PairRateBackoff::backoff)
                        .map(Duration::toSeconds))
                .containsExactly(1L, 4L, 16L, 64L, 256L, 256L, 256L);
    }

    private WhatsAppCloudChannel channel(int perSecond) {
        return new WhatsAppCloudChannel(
                TestSettings.at(server.url("/").toString()),
                new OkHttpClient(),
                new ObjectMapper(),
                new Pacing(perSecond, clock));
    }

    private static void drain(ThroughputLimit limit, int tokens) {
        for (int i = 0; i < tokens; i++) {
            assertThat(limit.take(1)).isEmpty();
        }
    }
}

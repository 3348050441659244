package sportello.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.whatsapp.media.MediaAnswers.IMAGE;
import static sportello.whatsapp.media.MediaAnswers.IMAGE_ID;
import static sportello.whatsapp.media.MediaAnswers.IMAGE_SHA256;
import static sportello.whatsapp.media.MediaAnswers.error;
import static sportello.whatsapp.media.MediaAnswers.image;
import static sportello.whatsapp.media.MediaAnswers.metadata;
import static sportello.whatsapp.media.MediaAnswers.status;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sportello.domain.conversation.Attachment;
import sportello.ports.fake.InMemoryMediaStore;
import sportello.ports.out.MediaSource.Fetch;
import sportello.ports.out.MediaSource.Sink;
import sportello.whatsapp.TestSettings;

class WhatsAppMediaSourceTest {

    private static final Attachment RECEIPT = new Attachment(IMAGE_ID, "image/jpeg", null);

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final OkHttpClient shared = new OkHttpClient();
    private final InMemoryMediaStore store = new InMemoryMediaStore(InstantSource.fixed(Instant.EPOCH));

    @Test
    void image_isLookedUpAndDownloadedWithTheTokenBothTimes_andStoredWhole() throws Exception {
        server.enqueue(metadata(server));
        server.enqueue(image());

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch).isInstanceOfSatisfying(Fetch.Fetched.class, fetched -> {
            assertThat(fetched.media().mimeType()).isEqualTo("image/jpeg");
            assertThat(fetched.media().size()).isEqualTo(IMAGE.length);
            assertThat(fetched.media().sha256()).isEqualTo(IMAGE_SHA256);
        });
        assertThat(store.open(IMAGE_ID).readAllBytes()).isEqualTo(IMAGE);
        RecordedRequest lookup = server.takeRequest();
        assertThat(lookup.getMethod()).isEqualTo("GET");
        assertThat(lookup.getTarget()).isEqualTo("/v26.0/" + IMAGE_ID + "?phone_number_id=106540352242922");
        assertAuthorized(lookup);
        RecordedRequest download = server.takeRequest();
        assertThat(download.getTarget())
                .isEqualTo(HttpUrl.get(MediaAnswers.fixtureLink()).encodedPath() + "?"
                        + HttpUrl.get(MediaAnswers.fixtureLink()).encodedQuery());
        assertAuthorized(download);
    }

    @Test
    void blankChannelAccount_asksWithTheConfiguredNumber() throws Exception {
        server.enqueue(metadata(server));
        server.enqueue(image());

        source().fetch(" ", RECEIPT, intoStore());

        assertThat(server.takeRequest().getTarget()).endsWith("?phone_number_id=" + TestSettings.PHONE_NUMBER_ID);
    }

    @Test
    void fileSizeAsAString_isRead() {
        server.enqueue(metadata(server, json -> json.put("file_size", "20")));
        server.enqueue(image());
        server.enqueue(metadata(server, json -> json.put("file_size", "20")));

        Fetch withinLimit = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());
        Fetch overLimit = source(10).fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(withinLimit).isInstanceOf(Fetch.Fetched.class);
        assertThat(overLimit)
                .isInstanceOfSatisfying(
                        Fetch.Unavailable.class, u -> assertThat(u.reason()).contains("20 bytes", "10 bytes"));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void linkToAnotherHost_isRefused_andNeverRequested() {
        String otherHost = server.getHostName().equals("localhost") ? "127.0.0.1" : "localhost";
        server.enqueue(metadata(
                server,
                json -> json.put(
                        "url",
                        server.url("/attachment")
                                .newBuilder()
                                .host(otherHost)
                                .build()
                                .toString())));
        server.enqueue(image());

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch).isInstanceOfSatisfying(Fetch.Unavailable.class, u -> {
            assertThat(u.critical()).isFalse();
            assertThat(u.reason()).contains("http://" + otherHost, "not a Meta host");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(store.count()).isZero();
    }

    @Test
    void redirectToAnotherHost_isNotFollowed() {
        server.enqueue(metadata(server));
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "https://files.example.com/receipt.jpg")
                .build());

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.Unavailable.class, u -> assertThat(u.reason()).contains("https://files.example.com"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void redirectOnTheSameHost_isFollowedWithTheToken() throws Exception {
        server.enqueue(metadata(server));
        server.enqueue(new MockResponse.Builder()
                .code(307)
                .addHeader("Location", "/cdn/receipt.jpg")
                .build());
        server.enqueue(image());

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch).isInstanceOf(Fetch.Fetched.class);
        server.takeRequest();
        server.takeRequest();
        RecordedRequest redirected = server.takeRequest();
        assertThat(redirected.getTarget()).isEqualTo("/cdn/receipt.jpg");
        assertAuthorized(redirected);
    }

    @Test
    void bytesThatDoNotMatchTheChecksum_areRetriedLater_andNeverStored() {
        server.enqueue(metadata(server));
        server.enqueue(MediaAnswers.file("SPORTELLO-TEST-IMAGF"));

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.RetryLater.class, r -> assertThat(r.reason()).contains("checksum", IMAGE_SHA256));
        assertThat(store.count()).isZero();
    }

    @Test
    void checksumInBase64_isCheckedToo() {
        server.enqueue(metadata(server, json -> json.put("sha256", "3sNUNtlNx5kddEDrf5CBVLookXSHsEjSoB7JgA7zVRw=")));
        server.enqueue(image());
        server.enqueue(metadata(server, json -> json.put("sha256", "3sNUNtlNx5kddEDrf5CBVLookXSHsEjSoB7JgA7zVRw=")));
        server.enqueue(MediaAnswers.file("SPORTELLO-TEST-IMAGF"));

        assertThat(source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore()))
                .isInstanceOf(Fetch.Fetched.class);
        assertThat(source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore()))
                .isInstanceOf(Fetch.RetryLater.class);
    }

    @Test
    void storeThatSwallowsTheChecksumFailure_stillGetsNoFetched() {
        server.enqueue(metadata(server));
        server.enqueue(MediaAnswers.file("SPORTELLO-TEST-IMAGF"));
        Sink careless = (mime, content) -> {
            try {
                content.readAllBytes();
            } catch (IOException ignored) {
                // a store that ignores read errors must not turn a damaged file into a fetched one
            }
            return store.save(IMAGE_ID, mime, InputStream.nullInputStream());
        };

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, careless);

        assertThat(fetch).isInstanceOf(Fetch.RetryLater.class);
    }

    @Test
    void statedFileSizeOverTheLimit_isRefusedBeforeDownloading() {
        server.enqueue(metadata(server));
        server.enqueue(image());

        Fetch fetch = source(10).fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.Unavailable.class, u -> assertThat(u.critical()).isFalse());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void contentLengthOverTheLimit_isRefusedWithoutStoring() {
        server.enqueue(metadata(server, json -> json.remove("file_size")));
        server.enqueue(image());

        Fetch fetch = source(10).fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.Unavailable.class, u -> assertThat(u.reason()).contains("20 bytes", "limit of 10 bytes"));
        assertThat(store.count()).isZero();
    }

    @Test
    void streamedBytesOverTheLimit_abortTheStore() {
        server.enqueue(metadata(server, json -> json.remove("file_size")));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .chunkedBody(MediaAnswers.IMAGE_TEXT, 4)
                .build());

        Fetch fetch = source(10).fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.Unavailable.class,
                        u -> assertThat(u.reason()).contains("larger than", "limit of 10 bytes"));
        assertThat(store.count()).isZero();
    }

    @Test
    void downloadCutShort_isRetriedLater_andNeverStored() {
        server.enqueue(metadata(server));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(MediaAnswers.IMAGE_TEXT)
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.RetryLater.class, r -> assertThat(r.reason()).contains("broke off"));
        assertThat(store.count()).isZero();
    }

    @Test
    void expiredLink_isResolvedAgain_andDownloaded() throws Exception {
        server.enqueue(metadata(server));
        server.enqueue(status(404));
        server.enqueue(metadata(server));
        server.enqueue(image());

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch).isInstanceOf(Fetch.Fetched.class);
        assertThat(server.getRequestCount()).isEqualTo(4);
        server.takeRequest();
        server.takeRequest();
        assertThat(server.takeRequest().getTarget()).startsWith("/v26.0/" + IMAGE_ID + "?");
    }

    @Test
    void linkExpiredEvenAfterAFreshLookup_isRetriedLater() {
        server.enqueue(metadata(server));
        server.enqueue(status(404));
        server.enqueue(metadata(server));
        server.enqueue(status(404));

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch).isInstanceOf(Fetch.RetryLater.class);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @ParameterizedTest(name = "HTTP {0} with {1}")
    @CsvSource({"401, error-190.response.json", "400, error-190-expired.response.json", "401,"})
    void refusedToken_isCritical_andSaysWhatToDo(int status, String fixture) {
        server.enqueue(fixture == null ? status(status) : error(status, fixture));

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch).isInstanceOfSatisfying(Fetch.Unavailable.class, u -> {
            assertThat(u.critical()).isTrue();
            assertThat(u.reason()).contains("access token", "WHATSAPP_ACCESS_TOKEN");
        });
    }

    @Test
    void refusedTokenAtTheFileHost_isCriticalToo() {
        server.enqueue(metadata(server));
        server.enqueue(status(401));

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.Unavailable.class, u -> assertThat(u.critical()).isTrue());
    }

    @ParameterizedTest(name = "HTTP {0} with {1}")
    @CsvSource({"404,", "400, error-100-unknown-object.response.json", "404, error-100.response.json"})
    void unknownMediaId_isUnavailable_notCritical(int status, String fixture) {
        server.enqueue(fixture == null ? status(status) : error(status, fixture));

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch).isInstanceOfSatisfying(Fetch.Unavailable.class, u -> {
            assertThat(u.critical()).isFalse();
            assertThat(u.reason()).contains("no longer has this file", "7 days");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0} with {1}")
    @CsvSource({"500,", "503,", "429,", "500, error-131000.response.json", "400, error-130429.response.json"})
    void passingTrouble_isRetriedLater(int status, String fixture) {
        server.enqueue(fixture == null ? status(status) : error(status, fixture));

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.RetryLater.class, r -> assertThat(r.after()).isPositive());
    }

    @Test
    void retryAfterFromMeta_isHonoured() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "30")
                .build());

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.RetryLater.class, r -> assertThat(r.after()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void graphOutOfReach_isRetriedLater() {
        var unreachable = new WhatsAppMediaSource(TestSettings.at("http://127.0.0.1:1/"), shared);

        Fetch fetch = unreachable.fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, intoStore());

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.RetryLater.class, r -> assertThat(r.reason()).contains("could not reach WhatsApp"));
    }

    @Test
    void storeThatCannotWrite_isRetriedLaterWithItsReason() {
        server.enqueue(metadata(server));
        server.enqueue(image());

        Fetch fetch = source().fetch(TestSettings.PHONE_NUMBER_ID, RECEIPT, (mime, content) -> {
            throw new IOException("No space left on device");
        });

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        Fetch.RetryLater.class, r -> assertThat(r.reason()).contains("No space left on device"));
    }

    private WhatsAppMediaSource source() {
        return new WhatsAppMediaSource(TestSettings.at(server.url("/").toString()), shared);
    }

    private WhatsAppMediaSource source(long maxBytes) {
        return new WhatsAppMediaSource(TestSettings.at(server.url("/").toString()), shared, maxBytes);
    }

    private Sink intoStore() {
        return (mime, content) -> store.save(IMAGE_ID, mime, content);
    }

    private static void assertAuthorized(RecordedRequest request) {
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.ACCESS_TOKEN);
        assertThat(request.getHeaders().get("User-Agent")).startsWith("Sportello");
    }
}

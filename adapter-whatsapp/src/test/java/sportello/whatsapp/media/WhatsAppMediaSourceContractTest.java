package sportello.whatsapp.media;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import sportello.ports.contract.MediaSourceContract;
import sportello.ports.out.MediaSource;
import sportello.whatsapp.TestSettings;

/** The shared {@link MediaSource} promises, kept by the real client against a fake Graph API and file host. */
class WhatsAppMediaSourceContractTest extends MediaSourceContract {

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private MediaSource source;

    @Override
    protected MediaSource source() {
        if (source == null) {
            // Built on first use: the server has its port only once the extension started it.
            source = new WhatsAppMediaSource(TestSettings.at(server.url("/").toString()), new OkHttpClient());
        }
        return source;
    }

    @Override
    protected String account() {
        return TestSettings.PHONE_NUMBER_ID;
    }

    @Override
    protected void arrangeImage() {
        server.enqueue(MediaAnswers.metadata(server));
        server.enqueue(MediaAnswers.image());
    }

    @Override
    protected void arrangeOutage(String mediaId) {
        server.enqueue(MediaAnswers.error(500, "error-131000.response.json"));
    }

    @Override
    protected void arrangeGone(String mediaId) {
        server.enqueue(MediaAnswers.error(400, "error-100-unknown-object.response.json"));
    }

    @Override
    protected void arrangeTooLarge(String mediaId) {
        server.enqueue(MediaAnswers.metadata(
                server, json -> json.put("id", mediaId).put("file_size", WhatsAppMediaSource.DEFAULT_MAX_BYTES + 1)));
        server.enqueue(MediaAnswers.file("x".repeat(1024)));
    }
}

package sportello.whatsapp.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import sportello.ports.contract.ChannelContract;
import sportello.ports.out.Channel;
import sportello.whatsapp.Fixtures;
import sportello.whatsapp.TestSettings;

/** The shared {@link Channel} promises, kept by the real client against a fake Graph API. */
class WhatsAppCloudChannelContractTest extends ChannelContract {

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private Channel channel;

    @Override
    protected Channel channel() {
        if (channel == null) {
            // Built on first use: the server has its port only once the extension started it.
            channel = new WhatsAppCloudChannel(
                    TestSettings.at(server.url("/").toString()), new OkHttpClient(), new ObjectMapper());
        }
        return channel;
    }

    @Override
    protected void arrangeAccepted() {
        server.enqueue(answer(200, "send-text.response.json"));
    }

    @Override
    protected void arrangeTemporaryFailure() {
        server.enqueue(answer(500, "error-131000.response.json"));
    }

    @Override
    protected void arrangePermanentRefusal() {
        server.enqueue(answer(400, "error-100.response.json"));
    }

    private static MockResponse answer(int code, String fixture) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(Fixtures.text(fixture))
                .build();
    }
}

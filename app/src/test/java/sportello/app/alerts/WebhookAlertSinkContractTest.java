package sportello.app.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import sportello.ports.contract.AlertSinkContract;
import sportello.ports.out.AlertSink;

/** The alert webhook keeps the promises of every alert sink. */
class WebhookAlertSinkContractTest extends AlertSinkContract {

    @StartStop
    private final MockWebServer receiver = new MockWebServer();

    @Override
    protected AlertSink sink() {
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        return new WebhookAlertSink(receiver.url("/hook").toString(), new OkHttpClient(), new ObjectMapper(), "Test");
    }

    @Override
    protected void arrangeReceiverDown() {
        receiver.close();
    }
}

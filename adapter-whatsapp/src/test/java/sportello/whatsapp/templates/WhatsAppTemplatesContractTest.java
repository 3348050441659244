package sportello.whatsapp.templates;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import sportello.ports.contract.TemplatesContract;
import sportello.ports.fake.ManualClock;
import sportello.ports.out.Templates;
import sportello.whatsapp.TestSettings;

/** The shared {@link Templates} promises, kept by the Graph client against a fake Graph API. */
class WhatsAppTemplatesContractTest extends TemplatesContract {

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private Templates templates;

    @Override
    protected Templates templates() {
        if (templates == null) {
            // Built on first use: the server has its port only once the extension started it.
            templates = new WhatsAppTemplates(
                    TestSettings.at(server.url("/").toString()),
                    TestSettings.ACCOUNT_ID,
                    new OkHttpClient(),
                    ManualClock.at("2026-11-25T10:00:00Z"));
        }
        return templates;
    }

    @Override
    protected void arrangeOrderUpdateApproved() {
        server.enqueue(TemplatePages.page(TemplatePages.FIRST));
    }

    @Override
    protected void arrangeUnreachable() {
        server.enqueue(TemplatePages.error(500, "error-131000.response.json"));
    }
}

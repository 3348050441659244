package sportello.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.MessageKind;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.CustomerRecords.AuditEntry;
import sportello.ports.out.Usage;
import sportello.web.Desk;
import sportello.web.TestFiles;

/** GDPR export and erasure over HTTP, without a login (option A): the audit names the local network. */
class CustomerDataApiTest {

    private final Desk desk = Desk.open();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        desk.close();
    }

    private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(desk.base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(desk.base + path)).DELETE();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void export_isAZipWithEverythingStoredAboutTheCustomer() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao, sono Giulia Rossi");
        desk.deliverReplies();
        desk.http()
                .put(
                        "/api/conversations/" + id.value() + "/profile",
                        "{\"fields\": {\"email\": \"giulia@example.it\"}}");
        desk.storage.record(
                id, List.of(new Usage("gpt-test", 1200, 200, 80, new BigDecimal("0.0021"), TestMessages.T0)));

        var response = download("/api/customers/" + id.value() + "/export");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"sportello-customer-" + id.value() + ".zip\"");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        var files = unzip(response.body());
        assertThat(files).containsOnlyKeys("customer.json", "README.txt");
        assertThat(files.get("README.txt")).contains("Every file the customer sent is included.");

        JsonNode customer = desk.json.readTree(files.get("customer.json"));
        assertThat(customer.path("conversationId").asText()).isEqualTo(id.value());
        assertThat(customer.at("/customer/userId").asText()).isEqualTo("IT.1234567890123456");
        assertThat(customer.at("/customer/phone").asText()).isEqualTo("393331234567");
        assertThat(customer.at("/customer/name").asText()).isEqualTo("Giulia Rossi");
        assertThat(customer.path("mode").asText()).isEqualTo("BOT");
        assertThat(customer.at("/profile/email/value").asText()).isEqualTo("giulia@example.it");
        assertThat(customer.at("/profile/email/source").asText()).isEqualTo("staff");
        assertThat(customer.at("/profile/email/recordedAt").asText()).isEqualTo("2026-11-25T09:00:00Z");

        var messages = customer.path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("direction").asText()).isEqualTo("in");
        assertThat(messages.get(0).path("author").asText()).isEqualTo("customer");
        assertThat(messages.get(0).path("kind").asText()).isEqualTo("text");
        assertThat(messages.get(0).path("text").asText()).isEqualTo("Ciao, sono Giulia Rossi");
        assertThat(messages.get(0).path("at").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(messages.get(1).path("direction").asText()).isEqualTo("out");
        assertThat(messages.get(1).path("author").asText()).isEqualTo("bot");
        assertThat(messages.get(1).path("status").asText()).isEqualTo("sent");

        assertThat(customer.at("/modelUsage/0/model").asText()).isEqualTo("gpt-test");
        assertThat(customer.at("/modelUsage/0/inputTokens").asLong()).isEqualTo(1200);
        assertThat(customer.at("/modelUsage/0/costUsd").decimalValue()).isEqualByComparingTo("0.0021");
        assertThat(customer.at("/rawChannelPayloads/0/id").asText()).isEqualTo("wamid.test-1");
        assertThat(customer.at("/rawChannelPayloads/0/from").asText()).isEqualTo("393331234567");
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void export_includesTheFilesTheCustomerSent_andListsThoseNoLongerStored() throws Exception {
        var giulia = TestMessages.giulia();
        desk.files.publish("photo-1", "image/png", TestFiles.PNG).publish("doc-1", "application/pdf", TestFiles.PDF);
        desk.files.publish("doc-2", "application/pdf", TestFiles.PDF);
        var id = desk.customerSends(
                giulia, MessageKind.IMAGE, "lo scontrino", new Attachment("photo-1", "image/png", null));
        desk.customerSends(giulia, MessageKind.IMAGE, "di nuovo", new Attachment("photo-1", "image/png", null));
        desk.customerSends(
                giulia, MessageKind.DOCUMENT, "", new Attachment("doc-1", "application/pdf", "../Fattura 12.pdf"));
        desk.customerSends(
                giulia, MessageKind.DOCUMENT, "", new Attachment("doc-2", "application/pdf", "fattura 12.pdf"));
        desk.customerSends(giulia, MessageKind.AUDIO, "", new Attachment("voice-1", "audio/ogg", null)); // expired
        desk.customerSends(giulia, MessageKind.VIDEO, "", new Attachment("video-1", "video/mp4", "pacco.mp4"));
        desk.files.publish("video-2", "video/mp4", TestFiles.WAV);
        desk.customerSends(giulia, MessageKind.VIDEO, "", new Attachment("video-2", "video/mp4", "lost.mp4"));
        desk.media.vanish("video-2"); // recorded as stored, but gone from the disk

        var response = download("/api/customers/" + id.value() + "/export");

        assertThat(response.statusCode()).isEqualTo(200);
        var files = entries(response.body());
        assertThat(files)
                .containsOnlyKeys(
                        "customer.json",
                        "README.txt",
                        "media/photo-1.png",
                        "media/Fattura 12.pdf",
                        "media/fattura 12-2.pdf");
        assertThat(files.get("media/photo-1.png")).isEqualTo(TestFiles.PNG);
        assertThat(files.get("media/Fattura 12.pdf")).isEqualTo(TestFiles.PDF);

        String readme = new String(files.get("README.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains("media/", "I file inviati dal cliente", "Files no longer stored");
        assertThat(readme).contains("(audio, 2026-11-25T09:00:00Z): voice-1.ogg, audio/ogg");
        assertThat(readme).contains("pacco.mp4, video/mp4", "lost.mp4, video/mp4");
        assertThat(readme).doesNotContain("photo-1", "Fattura");

        JsonNode messages = desk.json.readTree(files.get("customer.json")).path("messages");
        var customerMessages = new java.util.ArrayList<JsonNode>();
        messages.forEach(m -> {
            if (m.path("author").asText().equals("customer")) {
                customerMessages.add(m);
            }
        });
        assertThat(customerMessages)
                .extracting(m -> m.at("/media/file").asText(null))
                .containsExactly(
                        "media/photo-1.png",
                        "media/photo-1.png",
                        "media/Fattura 12.pdf",
                        "media/fattura 12-2.pdf",
                        null,
                        null,
                        null);
        assertThat(customerMessages.get(2).at("/media/fileName").asText()).isEqualTo("../Fattura 12.pdf");
        assertThat(customerMessages.get(4).at("/media/mediaId").asText()).isEqualTo("voice-1");
        assertThat(customerMessages.get(4).at("/media/mimeType").asText()).isEqualTo("audio/ogg");
        messages.forEach(m -> {
            if (!m.path("author").asText().equals("customer")) {
                assertThat(m.has("media")).isFalse();
            }
        });
    }

    @Test
    void erase_deletesTheCustomersFilesToo() throws Exception {
        desk.files.publish("photo-1", "image/png", TestFiles.PNG).publish("photo-2", "image/png", TestFiles.PNG);
        var id = desk.customerSends(
                TestMessages.giulia(), MessageKind.IMAGE, "", new Attachment("photo-1", "image/png", null));
        desk.customerSends(TestMessages.marco(), MessageKind.IMAGE, "", new Attachment("photo-2", "image/png", null));

        var response = delete("/api/customers/" + id.value());

        assertThat(desk.json.readTree(response.body()).at("/erased/media").asInt())
                .isEqualTo(1);
        assertThat(desk.media.find("photo-1")).isEmpty();
        assertThat(desk.media.find("photo-2")).isPresent();
        assertThat(download("/api/media/photo-1").statusCode()).isEqualTo(404);
    }

    @Test
    void export_isAudited_withTheLocalNetworkAsTheActor() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");

        download("/api/customers/" + id.value() + "/export");

        assertThat(desk.records.auditLog())
                .extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::actor)
                .containsExactly(tuple("export", id.value(), "local-network"));
    }

    @Test
    void erase_answersTheCounts_andTheCustomerIsGone() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.customerWrites(TestMessages.marco(), "Buongiorno");

        var response = delete("/api/customers/" + id.value());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode erased = desk.json.readTree(response.body()).path("erased");
        assertThat(erased.path("message").asInt()).isEqualTo(2);
        assertThat(erased.path("conversation").asInt()).isEqualTo(1);
        assertThat(desk.records.auditLog()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("erase");
            assertThat(e.subject()).isEqualTo(id.value());
            assertThat(e.actor()).isEqualTo("local-network");
        });
        assertThat(desk.http().get("/api/conversations/" + id.value()).statusCode())
                .isEqualTo(404);
        assertThat(desk.json.readTree(desk.http().get("/api/conversations").body()))
                .extracting(n -> n.path("name").asText())
                .containsExactly("Marco Bianchi");
        assertThat(download("/api/customers/" + id.value() + "/export").statusCode())
                .isEqualTo(404);
        assertThat(delete("/api/customers/" + id.value()).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownCustomer_is404Json_andNothingIsAudited() throws Exception {
        var export = download("/api/customers/nope/export");
        var erase = delete("/api/customers/nope");

        assertThat(export.statusCode()).isEqualTo(404);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(desk.json.readTree(export.body()).path("error").asText()).isEqualTo("not_found");
        assertThat(erase.statusCode()).isEqualTo(404);
        assertThat(desk.json.readTree(erase.body()).path("message").asText()).contains("nope");
        assertThat(desk.records.auditLog()).isEmpty();
    }

    @Test
    void erasingFromAnotherSite_isRefused_withoutALogin() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");

        var crossSite = delete("/api/customers/" + id.value(), "Sec-Fetch-Site", "cross-site");
        var foreignOrigin = delete("/api/customers/" + id.value(), "Origin", "https://evil.example");
        var throughAProxy = delete("/api/customers/" + id.value(), "X-Forwarded-For", "203.0.113.7");

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        assertThat(throughAProxy.statusCode()).isEqualTo(403);
        assertThat(desk.records.isErased(id)).isFalse();
        assertThat(desk.records.auditLog()).isEmpty();
    }
}

package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.sqlite.SqliteBackups;
import sportello.sqlite.SqliteDatabase;

/** The real app, over real HTTP, against fakes of Meta's Graph API and OpenAI that speak the wire format. */
class EndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private FakeGraph graph;
    private FakeOpenAi openAi;
    private Sportello sportello;
    private SportelloClient client;

    static Map<String, String> environment(Path dataDir, FakeGraph graph, FakeOpenAi openAi) {
        var env = new HashMap<String, String>();
        env.put("DATA_DIR", dataDir.toString());
        env.put("VERIFY_TOKEN", "verify-me");
        env.put("WHATSAPP_ACCESS_TOKEN", "EAAG-test-token");
        env.put("WHATSAPP_PHONE_ID", Fixtures.PHONE_NUMBER_ID);
        env.put("WHATSAPP_APP_SECRET", Fixtures.APP_SECRET);
        env.put("WHATSAPP_API_BASE_URL", graph.baseUrl());
        env.put("OPENAI_API_KEY", "sk-test");
        env.put("OPENAI_BASE_URL", openAi.baseUrl());
        env.put("OPENAI_MODEL", "gpt-4.1-mini");
        env.put("REPLY_DEBOUNCE_MS", "0");
        return env;
    }

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph();
        openAi = new FakeOpenAi();
        var config = Config.from(environment(dataDir, graph, openAi));
        sportello = Wiring.build(config).start("127.0.0.1", 0);
        client = new SportelloClient(sportello.port());
    }

    @AfterEach
    void stop() {
        sportello.close();
        graph.close();
        openAi.close();
    }

    private void awaitRepliesAndIdle(int replies) {
        Eventually.until(
                DEADLINE, replies + " replies sent", () -> graph.texts().size() >= replies);
        Eventually.until(DEADLINE, "Sportello idle", client::isIdle);
    }

    @Test
    void signedText_getsExactlyOneReply_andIsMarkedRead() {
        byte[] webhook = Fixtures.bytes("whatsapp/inbound-text.json");

        int status = client.postSignedWebhook(webhook);

        assertThat(status).isEqualTo(200);
        awaitRepliesAndIdle(1);
        assertThat(graph.texts()).singleElement().satisfies(sent -> {
            assertThat(sent.path("to").asText()).isEqualTo("393331234567");
            assertThat(sent.at("/text/body").asText()).startsWith(FakeOpenAi.REPLY);
            assertThat(sent.path("biz_opaque_callback_data").asText()).startsWith("outbox:");
        });
        assertThat(graph.readReceipts())
                .extracting(r -> r.path("message_id").asText())
                .containsExactly("wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgUMDAyQjZFMTI1QkNCQjdDNjVBOTEA");
    }

    @Test
    void accentedLettersAndEmoji_verifyAndArriveIntact() {
        client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));
        awaitRepliesAndIdle(1);

        JsonNode list = client.getJson("/api/conversations");
        JsonNode detail =
                client.getJson("/api/conversations/" + list.get(0).path("id").asText());

        assertThat(detail.path("userId").asText()).isEqualTo("IT.1234567890123456");
        assertThat(detail.path("waId").asText()).isEqualTo("393331234567");
        assertThat(detail.path("messages").get(0).path("text").asText())
                .isEqualTo("Buongiorno! L'ordine del 14/11 è già partito? Vorrei sapere quando arriverà 😊");
        assertThat(detail.path("messages").get(1).path("author").asText()).isEqualTo("bot");
        assertThat(detail.path("messages").get(1).path("status").asText()).isEqualTo("sent");
    }

    @Test
    void photo_isDownloadedBeforeTheAnswer_andServedToStaff() {
        assertThat(client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-image.json")))
                .isEqualTo(200);
        awaitRepliesAndIdle(1);

        JsonNode list = client.getJson("/api/conversations");
        JsonNode photo = client.getJson(
                        "/api/conversations/" + list.get(0).path("id").asText())
                .path("messages")
                .get(0);

        assertThat(photo.path("text").asText()).isEqualTo("Ecco lo scontrino");
        assertThat(photo.at("/media/id").asText()).isEqualTo(FakeGraph.IMAGE_ID);
        assertThat(photo.at("/media/stored").asBoolean()).isTrue();
        var file = client.getBytes(photo.at("/media/url").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/jpeg"));
        assertThat(file.body()).isEqualTo(FakeGraph.IMAGE);
        assertThat(dataDir.resolve("media"))
                .isDirectoryContaining(p -> !p.getFileName().toString().endsWith(".part"));
    }

    @Test
    void voiceNote_isTranscribed_andAnsweredAsWhatTheCustomerSaid() {
        graph.publishMedia("1203948576102939", "audio/ogg; codecs=opus", new byte[] {'O', 'g', 'g', 'S', 0, 2});

        assertThat(client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-audio-voice.json")))
                .isEqualTo(200);
        awaitRepliesAndIdle(1);

        JsonNode list = client.getJson("/api/conversations");
        JsonNode detail =
                client.getJson("/api/conversations/" + list.get(0).path("id").asText());
        assertThat(detail.path("messages").get(0).path("text").asText()).isEqualTo("🎤 " + FakeOpenAi.TRANSCRIPT);
        assertThat(detail.at("/profile/fields/orderNumber").asText()).isEqualTo("58213");
        assertThat(openAi.transcriptions()).isEqualTo(1);
        assertThat(openAi.requests()).singleElement().asString().contains("il mio ordine è il 58213");
    }

    @Test
    void templateFromTheApi_goesToGraphAsATemplate_andShowsInTheConversation() {
        client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));
        awaitRepliesAndIdle(1);
        String id = client.getJson("/api/conversations").get(0).path("id").asText();

        var answer = client.postJson(
                "/api/conversations/" + id + "/templates",
                "{\"name\":\"aggiornamento_ordine\",\"language\":\"it\",\"parameters\":[\"Giulia\",\"58213\"]}");

        assertThat(answer.statusCode()).isEqualTo(202);
        awaitRepliesAndIdle(2);
        JsonNode sent = graph.texts().get(1);
        assertThat(sent.path("type").asText()).isEqualTo("template");
        assertThat(sent.at("/template/name").asText()).isEqualTo("aggiornamento_ordine");
        assertThat(sent.at("/template/components/0/parameters/1/text").asText()).isEqualTo("58213");
        var last = client.getJson("/api/conversations/" + id).path("messages").get(2);
        assertThat(last.path("kind").asText()).isEqualToIgnoringCase("template");
        assertThat(client.getJson("/api/conversations/" + id).path("mode").asText())
                .isEqualTo("HUMAN");
    }

    @Test
    void staffReplyFromTheWhatsAppBusinessApp_isShownAsStaff_andTheBotStops() {
        client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));
        awaitRepliesAndIdle(1);

        assertThat(client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-smb-message-echo.json")))
                .isEqualTo(200);

        String id = client.getJson("/api/conversations").get(0).path("id").asText();
        var detail = client.getJson("/api/conversations/" + id);
        assertThat(detail.path("mode").asText()).isEqualTo("HUMAN");
        var staff = new ArrayList<JsonNode>();
        detail.path("messages").forEach(m -> {
            if (m.path("author").asText().equals("staff")) {
                staff.add(m);
            }
        });
        assertThat(staff).hasSize(1);
        assertThat(staff.getFirst().path("status").asText()).isEqualTo("sent");
        assertThat(graph.texts()).hasSize(1);
    }

    @Test
    void sameWebhookDeliveredThreeTimes_getsOneReply() {
        byte[] webhook = Fixtures.bytes("whatsapp/inbound-text.json");

        for (int i = 0; i < 3; i++) {
            assertThat(client.postSignedWebhook(webhook)).isEqualTo(200);
        }

        awaitRepliesAndIdle(1);
        assertThat(graph.texts()).hasSize(1);
        assertThat(openAi.calls()).isEqualTo(1);
    }

    @Test
    void sameWebhookDeliveredConcurrently_getsOneReply() {
        byte[] webhook = Fixtures.bytes("whatsapp/inbound-text.json");

        try (var pool = Executors.newFixedThreadPool(8)) {
            var deliveries = new ArrayList<CompletableFuture<Integer>>();
            for (int i = 0; i < 8; i++) {
                deliveries.add(CompletableFuture.supplyAsync(() -> client.postSignedWebhook(webhook), pool));
            }
            assertThat(deliveries).allSatisfy(d -> assertThat(d.join()).isEqualTo(200));
        }

        awaitRepliesAndIdle(1);
        assertThat(graph.texts()).hasSize(1);
    }

    @Test
    void badSignature_is401_andNothingIsStored() {
        byte[] webhook = Fixtures.bytes("whatsapp/inbound-text.json");

        int wrong = client.postWebhook(webhook, "sha256=" + "0".repeat(64));
        int missing = client.postWebhook(webhook, null);

        assertThat(wrong).isEqualTo(401);
        assertThat(missing).isEqualTo(401);
        assertThat(client.getJson("/api/conversations")).isEmpty();
        assertThat(client.isIdle()).isTrue();
        assertThat(openAi.calls()).isZero();
    }

    @Test
    void malformedJson_doesNotCrash_andTheNextMessageIsAnswered() {
        byte[] garbage = "{\"object\":\"whatsapp_business_account\",\"entry\":[{".getBytes(StandardCharsets.UTF_8);

        int garbageStatus = client.postSignedWebhook(garbage);
        int goodStatus = client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));

        assertThat(garbageStatus).isEqualTo(200);
        assertThat(goodStatus).isEqualTo(200);
        awaitRepliesAndIdle(1);
        assertThat(graph.texts()).hasSize(1);
    }

    @Test
    void graphFailingTwiceWith500_deliversTheReplyOnce() {
        graph.failNextSends(2, 500, "whatsapp/error-131000.response.json");

        client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));

        awaitRepliesAndIdle(1);
        assertThat(graph.texts()).hasSize(1);
    }

    @Test
    void customerWithoutPhone_isAnsweredByUserId() {
        client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text-username-only.json"));

        awaitRepliesAndIdle(1);
        assertThat(graph.texts()).singleElement().satisfies(sent -> {
            assertThat(sent.path("recipient").asText()).isEqualTo("IT.2468013579246801");
            assertThat(sent.has("to")).isFalse();
        });
    }

    @Test
    void webhookHandshake_echoesTheChallenge_onlyWithTheRightToken() {
        var ok = client.get("/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
        var wrong = client.get("/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void statusWebhooks_moveTheReplyForward() {
        client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));
        awaitRepliesAndIdle(1);
        String id = client.getJson("/api/conversations").get(0).path("id").asText();
        String delivered = Fixtures.text("whatsapp/status-delivered.json")
                .replace("wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSNTVEMDA1Q0UwRjQ2NDVGQkMzAA==", "wamid.fake1");

        client.postSignedWebhook(delivered.getBytes(StandardCharsets.UTF_8));

        Eventually.until(
                DEADLINE,
                "reply shown as delivered",
                () -> client.getJson("/api/conversations/" + id)
                        .path("messages")
                        .get(1)
                        .path("status")
                        .asText()
                        .equals("delivered"));
    }

    @Test
    void windowClosedFailureArrivingLater_closesTheWindow_andStaffAreToldToSendATemplate() {
        var now = java.time.Instant.now();
        String inbound = Fixtures.text("whatsapp/inbound-text.json")
                .replace("1795512600", Long.toString(now.minusSeconds(600).getEpochSecond()));
        client.postSignedWebhook(inbound.getBytes(StandardCharsets.UTF_8));
        awaitRepliesAndIdle(1);
        String id = client.getJson("/api/conversations").get(0).path("id").asText();
        assertThat(client.getJson("/api/conversations")
                        .get(0)
                        .path("windowOpen")
                        .asBoolean())
                .isTrue();
        var failedAt = now.minusSeconds(60).getEpochSecond();
        String failed = Fixtures.text("whatsapp/status-failed-131047.json")
                .replace("wamid.HBgMMzkzMzMxMjM0NTY3FQIAERgSMTBBMkNGMjM2MEY4NDQ5Q0FCAA==", "wamid.fake1")
                .replace("1795602600", Long.toString(failedAt));

        assertThat(client.postSignedWebhook(failed.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(200);

        assertThat(client.getJson("/api/conversations")
                        .get(0)
                        .path("windowOpen")
                        .asBoolean())
                .isFalse();
        var detail = client.getJson("/api/conversations/" + id);
        assertThat(detail.path("serviceWindowClosesAt").asText())
                .isEqualTo(java.time.Instant.ofEpochSecond(failedAt).toString());
        assertThat(detail.at("/attention/reason").asText()).contains("131047");
        var refused = client.postJson("/api/conversations/" + id + "/messages", "{\"text\":\"Ci siamo!\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("template");
    }

    @Test
    void customerData_isExportedAsAZip_thenErasedForGood() throws Exception {
        client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));
        awaitRepliesAndIdle(1);
        String id = client.getJson("/api/conversations").get(0).path("id").asText();

        var export = client.getBytes("/api/customers/" + id + "/export");
        var erased = client.delete("/api/customers/" + id);

        assertThat(export.statusCode()).isEqualTo(200);
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export.body()))) {
            var entry = zip.getNextEntry();
            while (entry != null && !entry.getName().equals("customer.json")) {
                entry = zip.getNextEntry();
            }
            assertThat(entry).isNotNull();
            assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("393331234567")
                    .contains("arriverà");
        }
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(client.getJson("/api/conversations")).isEmpty();
        assertThat(client.get("/api/conversations/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void backupOfTheRunningService_restoresWithTheCommandLine() throws Exception {
        client.postSignedWebhook(Fixtures.bytes("whatsapp/inbound-text.json"));
        awaitRepliesAndIdle(1);
        var backup = dataDir.resolve("backup-for-test.db");
        new SqliteBackups(SqliteDatabase.migrated(dataDir.resolve("sportello.db"))).backupTo(backup);
        sportello.close();
        var restoredDir = dataDir.resolve("restored");
        var out = new java.io.ByteArrayOutputStream();

        int code = Main.run(
                new String[] {"restore", backup.toString()},
                Map.of("DATA_DIR", restoredDir.toString()),
                dataDir,
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        sportello = Wiring.build(Config.from(Map.of("DATA_DIR", restoredDir.toString())))
                .start("127.0.0.1", 0);
        var restored = new SportelloClient(sportello.port());
        assertThat(restored.getJson("/api/conversations")).hasSize(1);
    }

    @Test
    void burstOfThreeMessages_getsOneAgentCallAndOneReply() throws Exception {
        sportello.close();
        var env = new HashMap<>(environment(dataDir.resolve("burst"), graph, openAi));
        env.put("REPLY_DEBOUNCE_MS", "1500");
        sportello = Wiring.build(Config.from(env)).start("127.0.0.1", 0);
        client = new SportelloClient(sportello.port());
        String webhook = Fixtures.text("whatsapp/inbound-text.json");
        String wamid = "wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgUMDAyQjZFMTI1QkNCQjdDNjVBOTEA";

        for (int i = 1; i <= 3; i++) {
            client.postSignedWebhook(webhook.replace(wamid, wamid + i).getBytes(StandardCharsets.UTF_8));
        }

        Eventually.until(DEADLINE, "the three messages shown to staff", () -> {
            var list = client.getJson("/api/conversations");
            return list.size() == 1
                    && client.getJson("/api/conversations/"
                                            + list.get(0).path("id").asText())
                                    .path("messages")
                                    .size()
                            >= 3;
        });
        awaitRepliesAndIdle(1);
        assertThat(openAi.calls()).isEqualTo(1);
        assertThat(graph.texts()).hasSize(1);
    }
}

package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.openai.KnowledgeUpload.Result;

/** {@code knowledge upload ./docs} against MockWebServer, with the Files and Vector Stores wire shapes. */
class KnowledgeUploadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORE = "vs_6921c0de5a8c8191b1e2f3a4b5c6d7e8";
    private static final String BATCH = "vsfb_6921c0f1a2b38191c4d5e6f7a8b9c0d1";
    private static final String ORARI = "file-2Xb7Kd9QpL4mN6vR8tW1yZ";
    private static final String RESI = "file-5Gh3Js8LkP2qW9eR4tY6uI";
    private static final String SPEDIZIONI = "file-4Rk7Tq2WmZ9bX1cV8nJ3sL";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path docs;

    private final FakeTime time = new FakeTime();

    @BeforeEach
    void documents() throws Exception {
        Files.writeString(docs.resolve("orari.txt"), "Orari: da lunedì a sabato 9:30–19:00, domenica chiuso.\n");
        Files.writeString(docs.resolve("resi.md"), "# Resi\n\nSi accettano resi entro 14 giorni dalla consegna.\n");
        Files.write(
                docs.resolve("spedizioni-2026.pdf"),
                "%PDF-1.7\n% Spedizioni 2026\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(docs.resolve("listino.csv"), "articolo;prezzo\nvaso Mare;39,00\n");
        Files.write(docs.resolve("foto.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        Files.createFile(docs.resolve("vuoto.txt"));
        Files.writeString(docs.resolve(".DS_Store"), "finder");
    }

    @Test
    void newStore_uploadsEverySupportedFile_attachesThemInOneBatch_andPollsUntilProcessed() throws Exception {
        enqueueHappyPath();

        Result result = upload(Optional.empty());

        assertThat(result).isInstanceOf(Result.Ready.class);
        var ready = (Result.Ready) result;
        assertThat(ready.vectorStoreId()).isEqualTo(STORE);
        assertThat(ready.storeCreated()).isTrue();
        assertThat(ready.uploaded())
                .extracting(KnowledgeUpload.UploadedFile::path, KnowledgeUpload.UploadedFile::fileId)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(Path.of("orari.txt"), ORARI),
                        org.assertj.core.api.Assertions.tuple(Path.of("resi.md"), RESI),
                        org.assertj.core.api.Assertions.tuple(Path.of("spedizioni-2026.pdf"), SPEDIZIONI));
        assertThat(ready.failed()).isEmpty();
        assertThat(targets())
                .containsExactly(
                        "POST /v1/vector_stores",
                        "POST /v1/files",
                        "POST /v1/files",
                        "POST /v1/files",
                        "POST /v1/vector_stores/" + STORE + "/file_batches",
                        "GET /v1/vector_stores/" + STORE + "/file_batches/" + BATCH);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void requests_carryTheKey_createTheNamedStore_andAttachTheUploadedIds() throws Exception {
        enqueueHappyPath();

        upload(Optional.empty());

        List<RecordedRequest> requests = requests();
        assertThat(requests)
                .allSatisfy(request -> assertThat(request.getHeaders().get("Authorization"))
                        .isEqualTo("Bearer " + AgentSetup.API_KEY));
        JsonNode store = JSON.readTree(requests.get(0).getBody().utf8());
        assertThat(store.get("name").asText()).isEqualTo("Ceramiche Bellini");
        assertThat(requests.get(0).getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode batch = JSON.readTree(requests.get(4).getBody().utf8());
        assertThat(batch)
                .isEqualTo(
                        JSON.readTree("{\"file_ids\": [\"" + ORARI + "\", \"" + RESI + "\", \"" + SPEDIZIONI + "\"]}"));
    }

    @Test
    void upload_isMultipartFormData_withPurposeAssistants_andTheFileWithItsNameAndType() throws Exception {
        enqueueHappyPath();

        upload(Optional.empty());

        List<RecordedRequest> requests = requests();
        Map<String, Part> first = parts(requests.get(1));
        assertThat(first.keySet()).containsExactly("purpose", "file");
        assertThat(first.get("purpose").content()).isEqualTo("assistants");
        assertThat(first.get("file").headers())
                .contains("Content-Disposition: form-data; name=\"file\"; filename=\"orari.txt\"")
                .contains("Content-Type: text/plain");
        assertThat(first.get("file").content()).isEqualTo("Orari: da lunedì a sabato 9:30–19:00, domenica chiuso.\n");
        assertThat(parts(requests.get(3)).get("file").headers())
                .contains("filename=\"spedizioni-2026.pdf\"")
                .contains("Content-Type: application/pdf");
    }

    @Test
    void unsupportedEmptyAndHiddenFiles_areNotSent_theFirstTwoListedWithAReason() throws Exception {
        enqueueHappyPath();

        Result result = upload(Optional.empty());

        assertThat(result.skipped())
                .extracting(KnowledgeUpload.SkippedFile::path)
                .containsExactly(Path.of("foto.jpg"), Path.of("listino.csv"), Path.of("vuoto.txt"));
        assertThat(result.skipped().get(1).reason()).contains("cannot read .csv files");
        assertThat(result.skipped().get(2).reason()).contains("empty");
        assertThat(targets())
                .filteredOn(target -> target.equals("POST /v1/files"))
                .hasSize(3);
    }

    @Test
    void fileThatFailsProcessing_isReportedWithOpenAisReason_theOthersAreSearchable() throws Exception {
        enqueueUploads();
        server.enqueue(ok("file-batch-in-progress.json"));
        server.enqueue(ok("file-batch-completed-one-failed.json"));
        server.enqueue(ok("file-batch-files-failed.json"));

        Result result = upload(Optional.empty());

        assertThat(result).isInstanceOf(Result.Ready.class);
        assertThat(result.uploaded())
                .extracting(KnowledgeUpload.UploadedFile::fileId)
                .containsExactly(ORARI, RESI);
        assertThat(result.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.path()).isEqualTo(Path.of("spedizioni-2026.pdf"));
            assertThat(failed.reason())
                    .contains("The file contains no extractable text.")
                    .contains("unsupported_file");
        });
        assertThat(targets().getLast())
                .isEqualTo(
                        "GET /v1/vector_stores/" + STORE + "/file_batches/" + BATCH + "/files?filter=failed&limit=100");
    }

    @Test
    void existingStore_isCheckedAndFilled_notCreated() throws Exception {
        server.enqueue(ok("vector-store.json"));
        server.enqueue(ok("file-orari.json"));
        server.enqueue(ok("file-resi.json"));
        server.enqueue(ok("file-spedizioni.json"));
        server.enqueue(ok("file-batch-completed.json"));

        Result result = upload(Optional.of(STORE));

        assertThat(result).isInstanceOfSatisfying(Result.Ready.class, ready -> {
            assertThat(ready.vectorStoreId()).isEqualTo(STORE);
            assertThat(ready.storeCreated()).isFalse();
        });
        assertThat(targets().getFirst()).isEqualTo("GET /v1/vector_stores/" + STORE);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void unknownExistingStore_stopsBeforeUploadingAnything_namingTheSetting() {
        server.enqueue(
                Fixtures.status(404, "knowledge/error-404-vector-store.json").build());

        Result result = upload(Optional.of("vs_missing"));

        assertThat(result).isInstanceOfSatisfying(Result.Stopped.class, stopped -> {
            assertThat(stopped.critical()).isTrue();
            assertThat(stopped.reason()).contains("vs_missing").contains("OPENAI_VECTOR_STORE_ID");
            assertThat(stopped.vectorStoreIdValue()).isEmpty();
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void invalidKey_stopsAtOnce_asACriticalProblem() {
        server.enqueue(Fixtures.status(401, "error-401.json").build());

        Result result = upload(Optional.empty());

        assertThat(result).isInstanceOfSatisfying(Result.Stopped.class, stopped -> {
            assertThat(stopped.critical()).isTrue();
            assertThat(stopped.reason())
                    .startsWith("OpenAI rejected the API key")
                    .doesNotContain(AgentSetup.API_KEY);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void serverError_onAnUpload_isRetriedAfterBackoff() throws Exception {
        server.enqueue(ok("vector-store.json"));
        server.enqueue(Fixtures.status(500, "error-500.json").build());
        server.enqueue(Fixtures.status(503, "error-503-overloaded.json").build());
        enqueueUploads(false);
        server.enqueue(ok("file-batch-completed.json"));

        Result result = upload(Optional.empty());

        assertThat(result).isInstanceOf(Result.Ready.class);
        assertThat(result.uploaded()).hasSize(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void quotaExhausted_stopsWithoutRetrying_keepingTheStoreId() {
        server.enqueue(ok("vector-store.json"));
        server.enqueue(Fixtures.status(429, "error-429-insufficient-quota.json").build());

        Result result = upload(Optional.empty());

        assertThat(result).isInstanceOfSatisfying(Result.Stopped.class, stopped -> {
            assertThat(stopped.critical()).isTrue();
            assertThat(stopped.reason()).startsWith("OpenAI quota exhausted");
            assertThat(stopped.vectorStoreIdValue()).contains(STORE);
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void fileRefusedOnUpload_isReported_andTheOthersGoOn() {
        server.enqueue(ok("vector-store.json"));
        server.enqueue(ok("file-orari.json"));
        server.enqueue(Fixtures.json(400, """
                        {"error": {"message": "Invalid file format for purpose 'assistants'.",
                          "type": "invalid_request_error", "param": "file", "code": null}}
                        """).build());
        server.enqueue(ok("file-spedizioni.json"));
        server.enqueue(Fixtures.json(200, readBatch("completed", 2)).build());

        Result result = upload(Optional.empty());

        assertThat(result).isInstanceOf(Result.Ready.class);
        assertThat(result.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.path()).isEqualTo(Path.of("resi.md"));
            assertThat(failed.reason()).contains("Invalid file format");
        });
        assertThat(result.uploaded())
                .extracting(KnowledgeUpload.UploadedFile::fileId)
                .containsExactly(ORARI, SPEDIZIONI);
    }

    @Test
    void fileOverFiveHundredTwelveMegabytes_isSkipped_neverSent() throws Exception {
        try (var file = new RandomAccessFile(docs.resolve("catalogo.pdf").toFile(), "rw")) {
            file.setLength(KnowledgeUpload.MAX_FILE_BYTES + 1); // sparse: no disk space used
        }
        enqueueHappyPath();

        Result result = upload(Optional.empty());

        assertThat(result.skipped())
                .filteredOn(skipped -> skipped.path().equals(Path.of("catalogo.pdf")))
                .singleElement()
                .extracting(KnowledgeUpload.SkippedFile::reason)
                .asString()
                .contains("512 MB");
        assertThat(targets())
                .filteredOn(target -> target.equals("POST /v1/files"))
                .hasSize(3);
    }

    @Test
    void textFileNotInUtf8_isSkipped_withTheFix() throws Exception {
        Files.write(docs.resolve("orari.txt"), "Orari: lunedì".getBytes(StandardCharsets.ISO_8859_1));
        server.enqueue(ok("vector-store.json"));
        server.enqueue(ok("file-resi.json"));
        server.enqueue(ok("file-spedizioni.json"));
        server.enqueue(Fixtures.json(200, readBatch("completed", 2)).build());

        Result result = upload(Optional.empty());

        assertThat(result.skipped())
                .filteredOn(skipped -> skipped.path().equals(Path.of("orari.txt")))
                .singleElement()
                .extracting(KnowledgeUpload.SkippedFile::reason)
                .asString()
                .contains("save it as UTF-8");
        assertThat(result.uploaded()).hasSize(2);
    }

    @Test
    void processingPastTheDeadline_stops_butNamesTheUsableStore() {
        enqueueUploads();
        for (int i = 0; i < 6; i++) {
            server.enqueue(ok("file-batch-in-progress.json"));
        }

        Result result = upload(Optional.empty(), Duration.ofSeconds(30));

        assertThat(result).isInstanceOfSatisfying(Result.Stopped.class, stopped -> {
            assertThat(stopped.critical()).isFalse();
            assertThat(stopped.vectorStoreIdValue()).contains(STORE);
            assertThat(stopped.reason()).contains("still processing");
        });
        assertThat(time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(10));
    }

    @Test
    void folderWithoutDocuments_stops_withoutCallingOpenAi(@TempDir Path empty) throws Exception {
        Files.writeString(empty.resolve("listino.csv"), "a;b\n");

        Result result = upload(empty, Optional.empty(), KnowledgeUpload.DEFAULT_PROCESSING_DEADLINE);

        assertThat(result).isInstanceOfSatisfying(Result.Stopped.class, stopped -> {
            assertThat(stopped.reason()).contains("no document");
            assertThat(stopped.skipped()).hasSize(1);
        });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void missingFolder_stops_withoutCallingOpenAi() {
        Result result = upload(docs.resolve("nope"), Optional.empty(), KnowledgeUpload.DEFAULT_PROCESSING_DEADLINE);

        assertThat(result)
                .isInstanceOfSatisfying(
                        Result.Stopped.class,
                        stopped -> assertThat(stopped.reason()).contains("not a folder"));
        assertThat(server.getRequestCount()).isZero();
    }

    private Result upload(Optional<String> existing) {
        return upload(docs, existing, KnowledgeUpload.DEFAULT_PROCESSING_DEADLINE);
    }

    private Result upload(Optional<String> existing, Duration deadline) {
        return upload(docs, existing, deadline);
    }

    private Result upload(Path folder, Optional<String> existing, Duration deadline) {
        var settings = OpenAiSettings.of(AgentSetup.API_KEY, "b42", "Ceramiche Bellini")
                .withBaseUrl(server.url("/v1").toString());
        return new KnowledgeUpload(settings, new OkHttpClient(), new ObjectMapper(), deadline, time, time, () -> 0.0)
                .upload(folder, existing, "Ceramiche Bellini");
    }

    private void enqueueHappyPath() {
        enqueueUploads();
        server.enqueue(ok("file-batch-in-progress.json"));
        server.enqueue(ok("file-batch-completed.json"));
    }

    private void enqueueUploads() {
        server.enqueue(ok("vector-store.json"));
        enqueueUploads(false);
    }

    private void enqueueUploads(boolean withStore) {
        if (withStore) {
            server.enqueue(ok("vector-store.json"));
        }
        server.enqueue(ok("file-orari.json"));
        server.enqueue(ok("file-resi.json"));
        server.enqueue(ok("file-spedizioni.json"));
    }

    private static MockResponse ok(String fixture) {
        return Fixtures.ok("knowledge/" + fixture).build();
    }

    /** The completed batch fixture for a batch of {@code total} files. */
    private static String readBatch(String status, int total) {
        return Fixtures.read("knowledge/file-batch-completed.json")
                .replace("\"completed\": 3", "\"completed\": " + total)
                .replace("\"total\": 3", "\"total\": " + total)
                .replace("\"status\": \"completed\"", "\"status\": \"" + status + "\"");
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            requests.add(server.takeRequest());
        }
        return requests;
    }

    private List<String> targets() throws InterruptedException {
        return requests().stream()
                .map(request -> request.getMethod() + " " + request.getTarget())
                .toList();
    }

    record Part(String headers, String content) {}

    /** The parts of a multipart body by name: headers as one string, content without the closing CRLF. */
    private static Map<String, Part> parts(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        assertThat(type).startsWith("multipart/form-data; boundary=");
        String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length());
        Map<String, Part> parts = new LinkedHashMap<>();
        for (String chunk : request.getBody().utf8().split(java.util.regex.Pattern.quote(boundary))) {
            int split = chunk.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = chunk.substring(0, split).strip();
            String content = chunk.substring(split + 4);
            content = content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content;
            var name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (name.find()) {
                parts.put(name.group(1), new Part(headers, content));
            }
        }
        return parts;
    }
}

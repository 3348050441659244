package sportello.openai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * OpenAI's Files and Vector Stores endpoints that fill a business's document store, one attempt per call and no
 * retries (the caller decides what a failure means), like {@link ResponsesEndpoint}.
 *
 * <p>Not in Sportello's Responses reference. Wire shapes come from the Stainless-generated types of the official
 * Python SDK, openai/openai-python {@code src/openai/types/}: {@code file_object.py}, {@code file_create_params.py},
 * {@code vector_store.py}, {@code vector_store_create_params.py}, {@code vector_stores/vector_store_file_batch.py},
 * {@code vector_stores/vector_store_file.py} and {@code vector_stores/file_batch_list_files_params.py}; and from the
 * API reference pages for {@code POST /files} (multipart {@code file} and {@code purpose}; 512 MB per file; attach
 * several files to one store with {@code file_batches}, not one by one) and {@code GET
 * /vector_stores/{id}/file_batches/{batch_id}}, as mirrored in November 2026. Where the reference says the batch
 * object is {@code vector_store.file_batch}, the SDK's literal is {@code vector_store.files_batch}; neither is read.
 */
public final class KnowledgeApi {

    private final OpenAiHttp http;

    /** {@code client} should already carry the timeouts for uploads. */
    public KnowledgeApi(String baseUrl, String apiKey, OkHttpClient client, ObjectMapper mapper) {
        this.http = new OpenAiHttp(baseUrl, apiKey, client, mapper);
    }

    /** What one call came to: the value read from a 2xx body, or why there is none. */
    public sealed interface Call<T> {

        record Done<T>(T value, String requestId) implements Call<T> {}

        /** {@code failure} is an {@link Outcome.Rejected} (non-2xx) or an {@link Outcome.Unreachable}. */
        record Failed<T>(Outcome failure) implements Call<T> {
            public Failed {
                if (!(failure instanceof Outcome.Rejected) && !(failure instanceof Outcome.Unreachable)) {
                    throw new IllegalArgumentException("not a failure: " + failure);
                }
            }
        }
    }

    /**
     * A vector store; {@code status} is {@code in_progress}, {@code completed} or {@code expired} (an expired store
     * can no longer be searched). {@code counts} are its files by processing state.
     */
    public record VectorStore(String id, String name, String status, FileCounts counts) {
        public boolean expired() {
            return "expired".equals(status);
        }
    }

    /** A file in OpenAI's file storage. */
    public record StoredFile(String id, String filename, long bytes) {}

    /** A batch of files being attached to a store; {@code status}: in_progress, completed, cancelled, failed. */
    public record FileBatch(String id, String status, FileCounts counts) {
        public boolean inProgress() {
            return "in_progress".equals(status);
        }
    }

    public record FileCounts(int inProgress, int completed, int failed, int cancelled, int total) {}

    /** One file of a batch; the error is set when processing failed (codes: server_error, unsupported_file, ...). */
    public record BatchFile(String fileId, String status, String errorCode, String errorMessage) {}

    /** One page of a batch's files; {@code lastId} is the cursor for the next page. */
    public record BatchFilePage(List<BatchFile> files, boolean hasMore, String lastId) {}

    /** {@code POST /vector_stores}: an empty store with a name; files are attached afterwards, in batches. */
    public Call<VectorStore> createVectorStore(String name, Map<String, String> metadata) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("metadata", metadata);
        return http.call(http.post(http.url("vector_stores"), http.jsonBody(body)), KnowledgeApi::vectorStore);
    }

    /** {@code GET /vector_stores/{id}}: 404 when there is no such store in the key's project. */
    public Call<VectorStore> vectorStore(String vectorStoreId) {
        return http.call(http.get(http.url("vector_stores", vectorStoreId)), KnowledgeApi::vectorStore);
    }

    /**
     * {@code POST /files} as {@code multipart/form-data}: {@code purpose=assistants} (the purpose file search
     * reads) and the file itself, streamed from disk.
     */
    public Call<StoredFile> uploadFile(Path file, String filename, String mediaType) {
        RequestBody multipart = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("purpose", "assistants")
                .addFormDataPart("file", filename, RequestBody.create(file.toFile(), MediaType.get(mediaType)))
                .build();
        return http.call(
                http.post(http.url("files"), multipart),
                node -> new StoredFile(
                        node.path("id").asText(null),
                        node.path("filename").asText(filename),
                        node.path("bytes").asLong(0)));
    }

    /** {@code POST /vector_stores/{id}/file_batches} with {@code file_ids}. */
    public Call<FileBatch> createFileBatch(String vectorStoreId, List<String> fileIds) {
        return http.call(
                http.post(
                        http.url("vector_stores", vectorStoreId, "file_batches"),
                        http.jsonBody(Map.of("file_ids", fileIds))),
                KnowledgeApi::fileBatch);
    }

    /** {@code GET /vector_stores/{id}/file_batches/{batch_id}}. */
    public Call<FileBatch> fileBatch(String vectorStoreId, String batchId) {
        return http.call(
                http.get(http.url("vector_stores", vectorStoreId, "file_batches", batchId)), KnowledgeApi::fileBatch);
    }

    /**
     * {@code GET /vector_stores/{id}/file_batches/{batch_id}/files?filter={status}&limit=100[&after=]}: the files
     * of a batch in one state, a page at a time ({@code after} null for the first page).
     */
    public Call<BatchFilePage> batchFiles(String vectorStoreId, String batchId, String status, String after) {
        HttpUrl.Builder url = http.url("vector_stores", vectorStoreId, "file_batches", batchId, "files")
                .newBuilder()
                .addQueryParameter("filter", status)
                .addQueryParameter("limit", "100");
        if (after != null) {
            url.addQueryParameter("after", after);
        }
        return http.call(http.get(url.build()), KnowledgeApi::batchFilePage);
    }

    private static VectorStore vectorStore(JsonNode node) {
        return new VectorStore(
                node.path("id").asText(null),
                node.path("name").asText(null),
                node.path("status").asText(null),
                fileCounts(node.path("file_counts")));
    }

    private static FileBatch fileBatch(JsonNode node) {
        return new FileBatch(
                node.path("id").asText(null), node.path("status").asText(null), fileCounts(node.path("file_counts")));
    }

    /** The same {@code file_counts} shape on stores and on batches; a missing count is 0. */
    private static FileCounts fileCounts(JsonNode counts) {
        return new FileCounts(
                counts.path("in_progress").asInt(0),
                counts.path("completed").asInt(0),
                counts.path("failed").asInt(0),
                counts.path("cancelled").asInt(0),
                counts.path("total").asInt(0));
    }

    private static BatchFilePage batchFilePage(JsonNode node) {
        List<BatchFile> files = new ArrayList<>();
        for (JsonNode file : node.path("data")) {
            JsonNode error = file.path("last_error");
            files.add(new BatchFile(
                    file.path("id").asText(null),
                    file.path("status").asText(null),
                    error.path("code").asText(null),
                    error.path("message").asText(null)));
        }
        return new BatchFilePage(
                files,
                node.path("has_more").asBoolean(false),
                node.path("last_id").asText(null));
    }
}

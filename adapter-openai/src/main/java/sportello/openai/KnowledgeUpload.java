package sportello.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.openai.wire.KnowledgeApi;
import sportello.openai.wire.Outcome;
import sportello.openai.wire.RetryHint;

/**
 * Fills an OpenAI vector store from a folder of documents, so that a business never needs OpenAI's web console
 * ({@code java -jar sportello.jar knowledge upload ./docs}). It creates the store unless one is given, uploads
 * every document file search can read ({@code POST /files}, purpose {@code assistants}), attaches them in batches
 * and waits, within a deadline, until OpenAI has processed them. Files it does not send are listed with the
 * reason, never dropped in silence; hidden files ({@code .DS_Store}, {@code .git/}) are ignored. Failures are
 * sorted as the reply agent sorts them: a bad key or no credit stops at once, a file OpenAI refuses is reported and
 * the rest go on, overload and server errors are retried a few times with backoff.
 */
public final class KnowledgeUpload {

    /** OpenAI's limit per file ({@code POST /files}). */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    /** How long to wait for OpenAI to process the uploaded files before reporting them as still in progress. */
    public static final Duration DEFAULT_PROCESSING_DEADLINE = Duration.ofMinutes(10);

    /** Files per attach request: OpenAPI spec 2.3.0 allows 500 (later documents say 2,000). */
    static final int BATCH_SIZE = 500;

    /**
     * File search's "supported files" table (OpenAI's file search guide, also in Azure OpenAI's copy of it): the
     * extension, and the MIME type to send. CSV and spreadsheets are not on it: OpenAI rejects them for retrieval.
     */
    static final Map<String, String> SUPPORTED = Map.ofEntries(
            Map.entry("c", "text/x-c"),
            Map.entry("cpp", "text/x-c++"),
            Map.entry("cs", "text/x-csharp"),
            Map.entry("css", "text/css"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("html", "text/html"),
            Map.entry("java", "text/x-java"),
            Map.entry("js", "text/javascript"),
            Map.entry("json", "application/json"),
            Map.entry("md", "text/markdown"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("php", "text/x-php"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("py", "text/x-python"),
            Map.entry("rb", "text/x-ruby"),
            Map.entry("sh", "application/x-sh"),
            Map.entry("tex", "text/x-tex"),
            Map.entry("ts", "application/typescript"),
            Map.entry("txt", "text/plain"));

    /** Text formats OpenAI reads only as UTF-8, UTF-16 or ASCII. */
    private static final Set<String> TEXT_NOT_UNDER_TEXT =
            Set.of("application/json", "application/x-sh", "application/typescript");

    private static final Duration FIRST_POLL = Duration.ofSeconds(1);
    private static final Duration MAX_POLL = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(KnowledgeUpload.class);

    private final KnowledgeApi api;
    private final String model;
    private final Duration processingDeadline;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final InstantSource clock;

    /** What an upload came to. Every file of the folder is in exactly one of the three lists. */
    public sealed interface Result {

        /** Sent, attached and processed: file search can read them. */
        List<UploadedFile> uploaded();

        /** Sent, but refused by OpenAI on upload or while processing. */
        List<FailedFile> failed();

        /** Not sent: a format file search cannot read, empty, too large, not UTF-8. */
        List<SkippedFile> skipped();

        /** Done: set {@code OPENAI_VECTOR_STORE_ID} to {@code vectorStoreId}. */
        record Ready(
                String vectorStoreId,
                boolean storeCreated,
                List<UploadedFile> uploaded,
                List<FailedFile> failed,
                List<SkippedFile> skipped)
                implements Result {
            public Ready {
                Objects.requireNonNull(vectorStoreId, "vectorStoreId");
                uploaded = List.copyOf(uploaded);
                failed = List.copyOf(failed);
                skipped = List.copyOf(skipped);
            }
        }

        /**
         * Stopped early. {@code critical}: only a person can fix it (key, credit, a store id that does not exist).
         * {@code vectorStoreId} is set (else null) when a store exists and holds {@code uploaded}.
         */
        record Stopped(
                String reason,
                boolean critical,
                String vectorStoreId,
                List<UploadedFile> uploaded,
                List<FailedFile> failed,
                List<SkippedFile> skipped)
                implements Result {
            public Stopped {
                Objects.requireNonNull(reason, "reason");
                uploaded = List.copyOf(uploaded);
                failed = List.copyOf(failed);
                skipped = List.copyOf(skipped);
            }

            public Optional<String> vectorStoreIdValue() {
                return Optional.ofNullable(vectorStoreId);
            }
        }
    }

    /** A document OpenAI now searches; {@code path} is relative to the uploaded folder. */
    public record UploadedFile(Path path, String fileId, long bytes) {}

    /** A document OpenAI refused; {@code path} is relative to the uploaded folder. */
    public record FailedFile(Path path, String reason) {}

    /** A file that was not sent; {@code path} is relative to the uploaded folder. */
    public record SkippedFile(Path path, String reason) {}

    /** With the default processing deadline; see the other constructor. */
    public KnowledgeUpload(OpenAiSettings settings, OkHttpClient client, ObjectMapper mapper) {
        this(settings, client, mapper, DEFAULT_PROCESSING_DEADLINE);
    }

    /**
     * @param settings the base URL, key and timeouts (only those are used; business fields are ignored)
     * @param client the application's shared client; a variant with upload timeouts is derived from it
     * @param processingDeadline how long to wait for OpenAI to process the files once they are sent
     */
    public KnowledgeUpload(
            OpenAiSettings settings, OkHttpClient client, ObjectMapper mapper, Duration processingDeadline) {
        this(
                settings,
                client,
                mapper,
                processingDeadline,
                Sleeper.system(),
                InstantSource.system(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    KnowledgeUpload(
            OpenAiSettings settings,
            OkHttpClient client,
            ObjectMapper mapper,
            Duration processingDeadline,
            Sleeper sleeper,
            InstantSource clock,
            DoubleSupplier random) {
        // OpenAI reads a whole file before it answers an upload: a large PDF needs the slow timeout
        Duration read = settings.readTimeout().compareTo(OpenAiSettings.SLOW_READ_TIMEOUT) < 0
                ? OpenAiSettings.SLOW_READ_TIMEOUT
                : settings.readTimeout();
        OkHttpClient timed = client.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(read)
                .writeTimeout(read)
                .build();
        this.api = new KnowledgeApi(settings.baseUrl(), settings.apiKey(), timed, mapper);
        this.model = settings.model();
        this.processingDeadline = Objects.requireNonNull(processingDeadline, "processingDeadline");
        this.retryPolicy = new RetryPolicy(random);
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Uploads every supported file of {@code folder} and its subfolders to {@code existingVectorStoreId}, or to a
     * new store named {@code storeName}. Never throws for what OpenAI or the folder does: see {@link Result}.
     */
    public Result upload(Path folder, Optional<String> existingVectorStoreId, String storeName) {
        var run = new Run();
        List<Path> documents;
        try {
            documents = documents(folder, run.skipped);
        } catch (IOException | UncheckedIOException e) {
            return run.stopped("could not read the folder " + folder + ": " + e.getMessage(), false, null);
        }
        if (documents.isEmpty()) {
            return run.stopped(
                    "no document file search can read in " + folder + " (supported: "
                            + String.join(
                                    ", ", SUPPORTED.keySet().stream().sorted().toList()) + ")",
                    false,
                    null);
        }
        Optional<String> existing = existingVectorStoreId.map(String::strip).filter(id -> !id.isEmpty());
        String storeId = null;
        try {
            storeId = existing.isPresent() ? checkStore(existing.get()) : createStore(storeName);
            Map<String, Path> sent = send(folder, documents, run);
            boolean processed = attach(storeId, sent, run);
            if (!processed) {
                return run.stopped(
                        "OpenAI was still processing documents after " + processingDeadline.toMinutes()
                                + " minutes; the store " + storeId + " is usable and they become searchable when"
                                + " done",
                        false,
                        storeId);
            }
        } catch (Halt halt) {
            return run.stopped(halt.getMessage(), halt.critical, storeId);
        }
        log.info(
                "Vector store {}: {} documents searchable, {} failed, {} skipped",
                storeId,
                run.uploaded.size(),
                run.failed.size(),
                run.skipped.size());
        return new Result.Ready(storeId, existing.isEmpty(), run.uploaded, run.failed, run.skipped);
    }

    /** The lists filled as the upload goes on. */
    private static final class Run {
        final List<UploadedFile> uploaded = new ArrayList<>();
        final List<FailedFile> failed = new ArrayList<>();
        final List<SkippedFile> skipped = new ArrayList<>();
        /** Bytes of each uploaded file by id, as OpenAI counted them. */
        final Map<String, Long> sizes = new LinkedHashMap<>();

        Result.Stopped stopped(String reason, boolean critical, String vectorStoreId) {
            log.error("Knowledge upload stopped: {}", reason);
            return new Result.Stopped(reason, critical, vectorStoreId, uploaded, failed, skipped);
        }
    }

    /** Regular, visible files in path order; those that cannot be sent go to {@code skipped} with the reason. */
    private static List<Path> documents(Path folder, List<SkippedFile> skipped) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder");
        }
        List<Path> files;
        try (Stream<Path> paths = Files.walk(folder)) {
            files = paths.filter(path -> !path.equals(folder))
                    .filter(path -> !hidden(folder.relativize(path)))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(path -> folder.relativize(path).toString()))
                    .toList();
        }
        List<Path> documents = new ArrayList<>();
        for (Path file : files) {
            Optional<String> reason = reasonToSkip(file);
            if (reason.isPresent()) {
                log.warn("Skipping {}: {}", file, reason.get());
                skipped.add(new SkippedFile(folder.relativize(file), reason.get()));
            } else {
                documents.add(file);
            }
        }
        return documents;
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> reasonToSkip(Path file) {
        String extension = extension(file);
        if (extension.isEmpty()) {
            return Optional.of("no file extension, so OpenAI cannot tell its format");
        }
        String mediaType = SUPPORTED.get(extension);
        if (mediaType == null) {
            return Optional.of("file search cannot read ." + extension
                    + " files; save it as PDF, Word (.docx), Markdown or plain text");
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            return Optional.of("could not read it: " + e.getMessage());
        }
        if (bytes == 0) {
            return Optional.of("the file is empty");
        }
        if (bytes > MAX_FILE_BYTES) {
            return Optional.of("over OpenAI's limit of 512 MB per file (" + bytes / (1024 * 1024) + " MB)");
        }
        if ((mediaType.startsWith("text/") || TEXT_NOT_UNDER_TEXT.contains(mediaType)) && !unicode(file)) {
            return Optional.of(
                    "not UTF-8 text; OpenAI reads text files only as UTF-8, UTF-16 or ASCII:" + " save it as UTF-8");
        }
        return Optional.empty();
    }

    /** UTF-16 with a byte order mark, or valid UTF-8 throughout (ASCII is both). */
    private static boolean unicode(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            if (start.length == 2
                    && ((start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)
                            || (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE))) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CharBuffer buffer = CharBuffer.allocate(8192);
            while (reader.read(buffer) >= 0) {
                buffer.clear();
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private String checkStore(String vectorStoreId) throws Halt {
        String notFound = "OpenAI has no vector store '" + vectorStoreId
                + "' in this key's project (404): check OPENAI_VECTOR_STORE_ID, or leave it empty to create a store";
        KnowledgeApi.VectorStore store = required(call(notFound, () -> api.vectorStore(vectorStoreId)));
        if ("expired".equals(store.status())) {
            throw new Halt(
                    "the vector store " + vectorStoreId + " has expired: leave OPENAI_VECTOR_STORE_ID empty to create"
                            + " a new one",
                    true);
        }
        log.info("Adding documents to vector store {} ({})", vectorStoreId, store.name());
        return vectorStoreId;
    }

    private String createStore(String storeName) throws Halt {
        String name = storeName == null || storeName.isBlank() ? "Sportello" : storeName.strip();
        KnowledgeApi.VectorStore store = required(call(
                "OpenAI has no vector store endpoint at this base URL (404): check OPENAI_BASE_URL",
                () -> api.createVectorStore(name, Map.of("created_by", "sportello"))));
        if (store.id() == null) {
            throw new Halt("OpenAI created a vector store but did not say its id", false);
        }
        log.info("Created vector store {} ({})", store.id(), name);
        return store.id();
    }

    /** Uploads each document; returns file id → relative path of those OpenAI took, in upload order. */
    private Map<String, Path> send(Path folder, List<Path> documents, Run run) throws Halt {
        Map<String, Path> sent = new LinkedHashMap<>();
        for (Path file : documents) {
            Path relative = folder.relativize(file);
            String mediaType = SUPPORTED.get(extension(file));
            Attempt<KnowledgeApi.StoredFile> attempt = call(
                    "OpenAI has no file endpoint at this base URL (404): check OPENAI_BASE_URL",
                    () -> api.uploadFile(file, file.getFileName().toString(), mediaType));
            switch (attempt) {
                case Attempt.Got<KnowledgeApi.StoredFile>(var stored)
                when stored.id() != null -> {
                    log.info("Uploaded {} as {}", relative, stored.id());
                    sent.put(stored.id(), relative);
                    run.sizes.put(stored.id(), stored.bytes());
                }
                case Attempt.Got<KnowledgeApi.StoredFile> unnamed ->
                    run.failed.add(new FailedFile(relative, "OpenAI took the file but did not say its id"));
                case Attempt.Refused<KnowledgeApi.StoredFile>(var reason) -> {
                    log.warn("OpenAI refused {}: {}", relative, reason);
                    run.failed.add(new FailedFile(relative, reason));
                }
            }
        }
        return sent;
    }

    /**
     * Attaches the files in batches and sorts each into uploaded or failed once processed; false when the deadline
     * passed first (the files still processing are listed as uploaded: they are in the store).
     */
    private boolean attach(String storeId, Map<String, Path> sent, Run run) throws Halt {
        Instant deadline = clock.instant().plus(processingDeadline);
        List<String> ids = List.copyOf(sent.keySet());
        boolean processed = true;
        for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
            List<String> batchIds = ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE));
            KnowledgeApi.FileBatch batch = poll(storeId, batchIds, deadline);
            Map<String, String> refused = batch.inProgress() ? Map.of() : refusedFiles(storeId, batch);
            boolean unknownRest = !batch.inProgress()
                    && !"completed".equals(batch.status())
                    && batch.counts().completed() < batchIds.size() - refused.size();
            for (String id : batchIds) {
                Path path = sent.get(id);
                if (refused.containsKey(id)) {
                    run.failed.add(new FailedFile(path, refused.get(id)));
                } else if (unknownRest) {
                    run.failed.add(new FailedFile(path, "OpenAI's batch ended " + batch.status()));
                } else {
                    run.uploaded.add(new UploadedFile(path, id, run.sizes.getOrDefault(id, 0L)));
                }
            }
            processed &= !batch.inProgress();
        }
        return processed;
    }

    /** Creates one batch and polls it, a little less often each time, until it ends or the deadline comes. */
    private KnowledgeApi.FileBatch poll(String storeId, List<String> fileIds, Instant deadline) throws Halt {
        String notFound = "OpenAI lost the vector store " + storeId + " while attaching files (404)";
        KnowledgeApi.FileBatch batch = required(call(notFound, () -> api.createFileBatch(storeId, fileIds)));
        Duration interval = FIRST_POLL;
        while (batch.inProgress()) {
            if (clock.instant().plus(interval).isAfter(deadline)) {
                log.warn("Batch {} still in progress at the deadline: {}", batch.id(), batch.counts());
                return batch;
            }
            sleep(interval);
            String batchId = batch.id();
            batch = required(call(notFound, () -> api.fileBatch(storeId, batchId)));
            interval = interval.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : interval.multipliedBy(2);
        }
        log.info("Batch {} {}: {}", batch.id(), batch.status(), batch.counts());
        return batch;
    }

    /** File id → OpenAI's reason, for every failed or cancelled file of a finished batch. */
    private Map<String, String> refusedFiles(String storeId, KnowledgeApi.FileBatch batch) throws Halt {
        Map<String, String> refused = new LinkedHashMap<>();
        boolean whole = !"completed".equals(batch.status());
        for (String state : List.of("failed", "cancelled")) {
            int count = "failed".equals(state)
                    ? batch.counts().failed()
                    : batch.counts().cancelled();
            if (count == 0 && !whole) {
                continue;
            }
            String after = null;
            do {
                String cursor = after;
                KnowledgeApi.BatchFilePage page = required(call(
                        "OpenAI lost the file batch " + batch.id() + " (404)",
                        () -> api.batchFiles(storeId, batch.id(), state, cursor)));
                for (KnowledgeApi.BatchFile file : page.files()) {
                    refused.put(file.fileId(), refusal(state, file));
                }
                after = page.hasMore() && page.lastId() != null ? page.lastId() : null;
            } while (after != null);
        }
        return refused;
    }

    private static String refusal(String state, KnowledgeApi.BatchFile file) {
        if ("cancelled".equals(state)) {
            return "OpenAI cancelled its processing";
        }
        String why = file.errorMessage() == null ? "no reason given" : file.errorMessage();
        return "OpenAI could not process it: " + why + (file.errorCode() == null ? "" : " (" + file.errorCode() + ")");
    }

    /** One value, or why not: what a single file may come to without stopping the whole upload. */
    private sealed interface Attempt<T> {
        record Got<T>(T value) implements Attempt<T> {}

        record Refused<T>(String reason) implements Attempt<T> {}
    }

    /** A refusal is fatal where there is no file to blame it on. */
    private static <T> T required(Attempt<T> attempt) throws Halt {
        return switch (attempt) {
            case Attempt.Got<T>(var value) -> value;
            case Attempt.Refused<T>(var reason) -> throw new Halt(reason, false);
        };
    }

    /**
     * One call with the agent's retry rules ({@link Triage}, {@link RetryPolicy}): transient failures retried up to
     * three times with backoff, then a halt; a bad key, no credit or {@code notFound} halt at once; any other refusal
     * (a 400 for this file) is returned.
     */
    private <T> Attempt<T> call(String notFound, Supplier<KnowledgeApi.Call<T>> request) throws Halt {
        for (int retries = 0; ; retries++) {
            Verdict verdict;
            RetryHint hint = RetryHint.NONE;
            String requestId = null;
            switch (request.get()) {
                case KnowledgeApi.Call.Done<T>(var value, var id) -> {
                    return new Attempt.Got<>(value);
                }
                case KnowledgeApi.Call.Failed<T>(Outcome.Rejected rejected)
                when rejected.status() == 404 -> throw new Halt(notFound + requestIdOf(rejected.requestId()), true);
                case KnowledgeApi.Call.Failed<T>(Outcome.Rejected rejected) -> {
                    verdict = Triage.of(rejected, model);
                    hint = rejected.hint();
                    requestId = rejected.requestId();
                }
                case KnowledgeApi.Call.Failed<T>(Outcome.Unreachable unreachable) -> verdict = Triage.of(unreachable);
                case KnowledgeApi.Call.Failed<T> other -> throw new IllegalStateException("not a failure: " + other);
            }
            String reason = verdict.reason() + requestIdOf(requestId);
            if (!verdict.retryable()) {
                if (verdict.isCritical()) {
                    throw new Halt(reason, true);
                }
                return new Attempt.Refused<>(reason);
            }
            Optional<Duration> delay = retryPolicy.delay(retries, hint);
            if (retries >= RetryPolicy.MAX_RETRIES || delay.isEmpty()) {
                throw new Halt(reason + ", " + (retries + 1) + " attempts; try again later", false);
            }
            log.warn("{}; retrying in {} ms", reason, delay.get().toMillis());
            sleep(delay.get());
        }
    }

    private static String requestIdOf(String requestId) {
        return requestId == null ? "" : " [x-request-id " + requestId + "]";
    }

    private void sleep(Duration duration) throws Halt {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Halt("interrupted", false);
        }
    }

    /** Ends the upload early; never leaves this class. */
    private static final class Halt extends Exception {
        final boolean critical;

        Halt(String reason, boolean critical) {
            super(reason, null, false, false);
            this.critical = critical;
        }
    }
}

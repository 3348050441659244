package sportello.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import okhttp3.OkHttpClient;
import sportello.openai.KnowledgeUpload;
import sportello.openai.KnowledgeUpload.Result;

/**
 * {@code sportello knowledge upload ./docs}: creates a vector store (or adds to {@code OPENAI_VECTOR_STORE_ID}) and
 * uploads a folder of documents, so a business can give the agent its FAQ, price lists and manuals without
 * OpenAI's web console.
 */
final class KnowledgeCommand {

    static final String USAGE = "Usage: java -jar sportello.jar knowledge upload <folder> [--name \"Store name\"]";

    private KnowledgeCommand() {}

    static int run(String[] args, Config config, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"upload".equals(args[0])) {
            throw new CommandLineError(USAGE);
        }
        Path folder = Path.of(args[1]);
        var options = new Options(java.util.Arrays.copyOfRange(args, 2, args.length), USAGE, "name");
        if (!Files.isDirectory(folder)) {
            throw new CommandLineError("'" + folder + "' is not a folder.\n" + USAGE);
        }
        var openAi = config.openAi()
                .orElseThrow(() -> new ConfigError(
                        "OPENAI_API_KEY is missing: the knowledge base lives at OpenAI, set the key first"));
        var http = new OkHttpClient();
        try {
            var upload = new KnowledgeUpload(Wiring.openAiSettings(openAi, config), http, Json.mapper());
            var result = upload.upload(
                    folder,
                    Optional.ofNullable(openAi.vectorStoreId()),
                    options.get("name").orElse(config.businessName() + " knowledge"));
            result.uploaded().forEach(f -> out.println("uploaded  " + f.path()));
            result.skipped().forEach(f -> out.println("skipped   " + f.path() + ": " + f.reason()));
            result.failed().forEach(f -> err.println("failed    " + f.path() + ": " + f.reason()));
            return switch (result) {
                case Result.Ready ready -> {
                    out.println(
                            ready.storeCreated()
                                    ? "Created vector store " + ready.vectorStoreId()
                                            + ". Add this line to .env and restart Sportello:\nOPENAI_VECTOR_STORE_ID="
                                            + ready.vectorStoreId()
                                    : "Added to vector store " + ready.vectorStoreId() + ".");
                    yield result.failed().isEmpty() ? 0 : 1;
                }
                case Result.Stopped stopped -> {
                    err.println("Upload stopped: " + stopped.reason());
                    yield 1;
                }
            };
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}

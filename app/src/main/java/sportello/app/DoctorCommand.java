package sportello.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import sportello.app.storage.StoresFor;
import sportello.domain.profile.ProfileSchema;
import sportello.openai.doctor.OpenAiDoctor;
import sportello.ports.in.CheckHealth;
import sportello.ports.out.SetupCheck;
import sportello.whatsapp.doctor.WhatsAppDoctor;

/**
 * {@code sportello doctor}: checks everything a user can get wrong, each with what to do about it, and exits 0 only
 * when nothing failed. Local checks live here; the WhatsApp and OpenAI ones in their adapters.
 */
final class DoctorCommand {

    private DoctorCommand() {}

    static int run(Config config, PrintStream out) {
        var checks = new ArrayList<SetupCheck>();
        checks.add(SetupCheck.pass(
                "configuration",
                config.demoMode()
                        ? "loaded; demo mode (no WhatsApp settings): set VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN,"
                                + " WHATSAPP_PHONE_ID and WHATSAPP_APP_SECRET to go live"
                        : "loaded; WhatsApp number " + config.whatsApp().get().phoneNumberId()));
        checks.add(dataDirectory(config));
        checks.add(disk(config));
        checks.addAll(RemoteChecks.of(config));
        checks.add(publicWebhook(config));
        checks.forEach(check -> out.println(line(check)));
        long failed = checks.stream()
                .filter(c -> c.result() == SetupCheck.Result.FAIL)
                .count();
        long warned = checks.stream()
                .filter(c -> c.result() == SetupCheck.Result.WARN)
                .count();
        out.println();
        out.println(
                failed == 0
                        ? "All checks passed" + (warned > 0 ? " (" + warned + " warnings)" : "") + "."
                        : failed + " check(s) failed: fix them and run doctor again.");
        return failed == 0 ? 0 : 1;
    }

    static String line(SetupCheck check) {
        String mark = switch (check.result()) {
            case PASS -> "[ ok ]";
            case WARN -> "[warn]";
            case FAIL -> "[FAIL]";
        };
        return mark + " " + check.name() + ": " + check.message();
    }

    private static SetupCheck dataDirectory(Config config) {
        var dir = config.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            var probe = Files.createTempFile(dir, "doctor", ".tmp");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            return SetupCheck.fail(
                    "data directory",
                    "cannot write to " + dir + " (" + e.getMessage()
                            + "): create it and give the user running Sportello write access, or set DATA_DIR");
        }
        try (var stores = StoresFor.config(config, ProfileSchema.standard(), InstantSource.system())) {
            var database = stores.health().probe();
            if (database.status() != CheckHealth.Status.UP) {
                return SetupCheck.fail("database", stores.description() + ": " + database.detail());
            }
            return SetupCheck.pass(
                    "data directory", dir + " is writable; " + stores.description() + " is up to date and writable");
        } catch (RuntimeException e) {
            return SetupCheck.fail("database", e.getMessage());
        }
    }

    private static SetupCheck disk(Config config) {
        var check = DiskProbe.standard(config.dataDir()).probe();
        return switch (check.status()) {
            case UP -> SetupCheck.pass("disk space", check.detail());
            case DEGRADED -> SetupCheck.warn("disk space", check.detail());
            case DOWN -> SetupCheck.fail("disk space", check.detail());
        };
    }

    /** With PUBLIC_URL set, asks the webhook from the outside exactly as Meta's subscription check does. */
    private static SetupCheck publicWebhook(Config config) {
        if (config.publicUrl().isEmpty()) {
            return SetupCheck.warn(
                    "public webhook",
                    "set PUBLIC_URL (e.g. https://sportello.example.it) to check that Meta can reach /webhook");
        }
        if (config.whatsApp().isEmpty()) {
            return SetupCheck.warn("public webhook", "skipped in demo mode");
        }
        String challenge = Long.toString(System.nanoTime());
        var uri = URI.create(config.publicUrl().get() + "/webhook?hub.mode=subscribe&hub.verify_token="
                + java.net.URLEncoder.encode(
                        config.whatsApp().get().verifyToken(), java.nio.charset.StandardCharsets.UTF_8)
                + "&hub.challenge=" + challenge);
        try (var http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            var response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && challenge.equals(response.body())) {
                return SetupCheck.pass("public webhook", config.publicUrl().get() + "/webhook answers Meta's check");
            }
            return SetupCheck.fail(
                    "public webhook",
                    config.publicUrl().get() + "/webhook answered HTTP " + response.statusCode()
                            + " instead of the challenge: check that the tunnel or proxy forwards /webhook to this"
                            + " Sportello and that it runs with the same VERIFY_TOKEN");
        } catch (IOException e) {
            return SetupCheck.fail(
                    "public webhook",
                    "cannot reach " + config.publicUrl().get() + " (" + e.getMessage()
                            + "): start the tunnel or fix the proxy, or correct PUBLIC_URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SetupCheck.fail("public webhook", "interrupted");
        }
    }

    /** The adapters' own checks of WhatsApp and OpenAI, when they are configured. */
    static final class RemoteChecks {
        private RemoteChecks() {}

        static List<SetupCheck> of(Config config) {
            var checks = new ArrayList<SetupCheck>();
            var http = new OkHttpClient();
            try {
                if (config.whatsApp().isEmpty()) {
                    checks.add(SetupCheck.warn("whatsapp", "not configured: Sportello runs in demo mode"));
                } else {
                    var whatsApp = config.whatsApp().get();
                    checks.addAll(new WhatsAppDoctor(
                                    Wiring.whatsAppSettings(whatsApp),
                                    whatsApp.accountId(),
                                    http,
                                    Json.mapper(),
                                    InstantSource.system())
                            .check());
                }
                if (config.openAi().isEmpty()) {
                    checks.add(SetupCheck.warn("openai", "no OPENAI_API_KEY: the offline assistant answers"));
                } else {
                    checks.addAll(new OpenAiDoctor(
                                    Wiring.openAiSettings(config.openAi().get(), config), http, Json.mapper())
                            .check());
                }
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            return checks;
        }
    }
}

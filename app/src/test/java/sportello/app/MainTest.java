package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(
                args,
                env,
                dir,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_listsTheCommandsAndEveryConfigurationKey() {
        int code = run(Map.of(), "--help");

        assertThat(code).isZero();
        assertThat(out())
                .contains("--version", "send", "init", "PORT", "DATA_DIR", "WHATSAPP_APP_SECRET", "OPENAI_MODEL")
                .contains("ALERT_WEBHOOK_URL", "DASHBOARD_USERNAME", "API_TOKEN", "REPLY_DEBOUNCE_MS", "demo mode");
    }

    @Test
    void version_printsTheVersion() {
        int code = run(Map.of(), "--version");

        assertThat(code).isZero();
        assertThat(out()).startsWith("Sportello ");
    }

    @Test
    void unknownCommand_pointsToHelp() {
        int code = run(Map.of(), "frobnicate");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("--help");
    }

    @Test
    void badConfiguration_stopsWithTheKeyAndTheFix() {
        int code = run(Map.of("PORT", "eighty"), "serve");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("PORT must be a port number");
    }

    @Test
    void init_writesACommentedEnvThatStartsInDemoMode() throws Exception {
        int code = run(Map.of(), "init", "--business-name", "Ceramiche Bellini");

        assertThat(code).isZero();
        String env = Files.readString(dir.resolve(".env"));
        assertThat(env).contains("BUSINESS_NAME=\"Ceramiche Bellini\"", "# WHATSAPP_ACCESS_TOKEN=", "OPENAI_MODEL=");
        var config = Config.load(Map.of(), dir);
        assertThat(config.businessName()).isEqualTo("Ceramiche Bellini");
        assertThat(config.demoMode()).isTrue();
    }

    @Test
    void init_withWhatsAppValues_writesAWorkingConfiguration() {
        run(
                Map.of(),
                "init",
                "--whatsapp-token",
                "EAAG123",
                "--whatsapp-phone-id",
                "106540352242922",
                "--whatsapp-app-secret",
                "s3cret");

        var config = Config.load(Map.of(), dir);
        assertThat(config.demoMode()).isFalse();
        assertThat(config.whatsApp().orElseThrow().verifyToken()).hasSize(32);
    }

    @Test
    void init_neverOverwritesWithoutForce() throws Exception {
        Files.writeString(dir.resolve(".env"), "PORT=4000\n");

        int code = run(Map.of(), "init");

        assertThat(code).isEqualTo(1);
        assertThat(Files.readString(dir.resolve(".env"))).isEqualTo("PORT=4000\n");
        assertThat(err()).contains("--force");
    }

    @Test
    void send_withoutText_showsTheUsage() {
        int code = run(Map.of("DATA_DIR", dir.resolve("data").toString()), "send", "--to", "+393331234567");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("Give either --text or --template").contains("Usage:");
    }

    @Test
    void sendTemplate_queuesIt_evenToACustomerWhoNeverWrote() {
        int code = run(
                Map.of("DATA_DIR", dir.resolve("data").toString()),
                "send",
                "--to",
                "+39 347 123 4567",
                "--template",
                "aggiornamento_ordine",
                "--param",
                "Giulia",
                "--param",
                "58213",
                "--lang",
                "it");

        assertThat(code).isZero();
        assertThat(out()).contains("Queued message").contains("+39 347 123 4567");
    }

    @Test
    void sendTemplate_withAHeaderAndALink_queuesThem_andABadOneSaysHow() {
        var env = Map.of("DATA_DIR", dir.resolve("data").toString());
        int bad =
                run(env, "send", "--to", "+393471234567", "--template", "traccia_spedizione", "--link", "primo=58213");
        String badErr = err();
        int code = run(
                env,
                "send",
                "--to",
                "+393471234567",
                "--template",
                "traccia_spedizione",
                "--param",
                "Giulia",
                "--header",
                "image=https://files.example.it/pacco.jpg",
                "--link",
                "0=58213");

        assertThat(bad).isNotZero();
        assertThat(badErr).contains("--link needs <button>=<end of the link>");
        assertThat(code).isZero();
        assertThat(out()).contains("Queued message");
    }

    @Test
    void sendTemplate_thatIsNotApproved_saysWhichAre() {
        int code = run(
                Map.of("DATA_DIR", dir.resolve("data").toString()),
                "send",
                "--to",
                "+393471234567",
                "--template",
                "saldi_natale");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("no approved template 'saldi_natale'").contains("aggiornamento_ordine (it)");
    }

    @Test
    void sendText_toSomeoneWhoNeverWrote_isRefused_pointingToTemplates() {
        int code = run(
                Map.of("DATA_DIR", dir.resolve("data").toString()), "send", "--to", "+393471234567", "--text", "Ciao");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("template");
    }
}

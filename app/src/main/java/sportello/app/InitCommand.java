package sportello.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code sportello init [--business-name …] [--force] [--KEY value …]}: writes a commented {@code .env} with every
 * setting explained, filling in what was given and a random verify token, so a business owner only pastes in the
 * values Meta and OpenAI show them.
 */
final class InitCommand {

    static final String USAGE = "Usage: java -jar sportello.jar init [--business-name \"Ceramiche Bellini\"]"
            + " [--whatsapp-token …] [--whatsapp-phone-id …] [--whatsapp-account-id …] [--whatsapp-app-secret …]"
            + " [--openai-api-key …] [--openai-model gpt-4.1] [--force]";

    private InitCommand() {}

    static int run(String[] args, Path workingDir, PrintStream out, PrintStream err) {
        var options = new Options(
                args,
                USAGE,
                "business-name",
                "whatsapp-token",
                "whatsapp-phone-id",
                "whatsapp-account-id",
                "whatsapp-app-secret",
                "openai-api-key",
                "openai-model",
                "force");
        Path file = workingDir.resolve(".env");
        if (Files.exists(file) && !options.flag("force")) {
            err.println(file + " already exists: edit it, or run init --force to replace it.");
            return 1;
        }
        String text = DotEnvTemplate.TEXT
                .replace("{business}", options.get("business-name").orElse("Sportello"))
                .replace("{verifyToken}", randomToken())
                .replace("{whatsappToken}", options.get("whatsapp-token").orElse(""))
                .replace("{phoneId}", options.get("whatsapp-phone-id").orElse(""))
                .replace("{accountId}", options.get("whatsapp-account-id").orElse(""))
                .replace("{appSecret}", options.get("whatsapp-app-secret").orElse(""))
                .replace("{openAiKey}", options.get("openai-api-key").orElse(""))
                .replace("{openAiModel}", options.get("openai-model").orElse("gpt-4.1"));
        if (options.get("whatsapp-token").isEmpty()) {
            text = commentOutWhatsApp(text);
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        out.println("Wrote " + file + ". Fill in what is missing, then start Sportello with: java -jar sportello.jar");
        return 0;
    }

    /** Without a token the WhatsApp lines stay commented, so Sportello starts in demo mode instead of failing. */
    private static String commentOutWhatsApp(String text) {
        return text.lines()
                        .map(line -> line.matches("(VERIFY_TOKEN|WHATSAPP_[A-Z_]+)=.*") ? "# " + line : line)
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse("")
                + "\n";
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

package sportello.app;

import org.slf4j.Logger;

/** The first screen: what runs, and exactly where to click. */
final class StartupBanner {

    private StartupBanner() {}

    static void log(Logger log, Config config, int port, String version) {
        String local = "http://localhost:" + port;
        log.info(
                "Sportello {} is running on port {} (data in {})",
                version,
                port,
                config.dataDir().toAbsolutePath().normalize());
        log.info("Health:        {}/health", local);
        log.info("Conversations: {}/api/conversations  (this computer and the local network only)", local);
        if (config.demoMode()) {
            log.info("DEMO MODE: no WhatsApp credentials are set, nothing is sent to WhatsApp.");
            String example = "{\"from\":\"+39 347 123 4567\",\"name\":\"Giulia\",\"text\":\"Ciao!\"}";
            log.info(
                    "Write as a customer: curl -X POST {}/api/demo/messages -H 'Content-Type: application/json' -d '{}'",
                    local,
                    example);
        } else {
            log.info("WhatsApp webhook URL to give Meta: https://<your public host>/webhook (only this path public)");
        }
        if (config.openAi().isEmpty()) {
            log.info("No OPENAI_API_KEY: answering with the offline agent (asks for the customer's details).");
        }
    }
}

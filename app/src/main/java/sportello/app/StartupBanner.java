package sportello.app;

import org.slf4j.Logger;

/** The first screen: what runs, and exactly where to click. */
final class StartupBanner {

    private StartupBanner() {}

    private static String access(Config config) {
        return config.dashboard().requiresLogin()
                ? "log in as " + config.dashboard().username().orElseThrow()
                : "this computer and the local network only";
    }

    static void log(Logger log, Config config, int port, String version) {
        String local = "http://localhost:" + port;
        log.info(
                "Sportello {} is running on port {} (data in {})",
                version,
                port,
                config.dataDir().toAbsolutePath().normalize());
        log.info("Health:        {}/health", local);
        log.info("Dashboard:     {}/dashboard  ({})", local, access(config));
        if (config.demoMode()) {
            log.info("DEMO MODE: no WhatsApp credentials are set, nothing is sent to WhatsApp.");
            log.info("Write as a customer in the WhatsApp simulator: {}/simulator", local);
        } else {
            log.info("WhatsApp webhook URL to give Meta: https://<your public host>/webhook (only this path public)");
        }
        if (config.openAi().isEmpty()) {
            log.info("No OPENAI_API_KEY: answering with the offline agent (asks for the customer's details).");
        }
    }
}

package sportello.app;

import java.io.PrintStream;
import sportello.ports.in.SendToCustomer.Outcome;

/**
 * {@code sportello send --to +393471234567 --text "…"}: queues a message in the same durable outbox the service
 * uses. The running service sends it within a second; if it is stopped, at its next start.
 */
final class SendCommand {

    static final String USAGE =
            "Usage: java -jar sportello.jar send --to <phone with country code | WhatsApp user id> --text \"...\"";

    private SendCommand() {}

    static int run(String[] args, Config config, PrintStream out, PrintStream err) {
        var options = new Options(args, USAGE, "to", "text");
        String to = options.require("to");
        String text = options.require("text");
        try (var storage = Wiring.storageOnly(config)) {
            return switch (storage.sendToCustomer().send(to, text)) {
                case Outcome.Queued(var conversation, var entry) -> {
                    out.println("Queued message " + entry.id() + " to " + to + " (conversation " + conversation
                            + "). Sportello sends it within a second while it is running.");
                    yield 0;
                }
                case Outcome.Refused(var reason) -> {
                    err.println("Not sent: " + reason);
                    yield 1;
                }
            };
        }
    }
}

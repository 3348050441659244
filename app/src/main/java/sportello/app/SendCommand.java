package sportello.app;

import java.io.PrintStream;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.in.SendToCustomer.Outcome;

/**
 * {@code sportello send --to +393471234567 --text "…"} or {@code --template NAME --param … --lang it}: queues a
 * message in the same durable outbox the service uses. The running service sends it within a second; if it is
 * stopped, at its next start. Free text is allowed only inside the customer's 24-hour window; a template always.
 */
final class SendCommand {

    static final String USAGE = """
            Usage: java -jar sportello.jar send --to <phone with country code | WhatsApp user id> --text "..."
                   java -jar sportello.jar send --to <...> --template <name> [--param <value>]... [--lang it]
              --param is repeated once per value of the template's body, in order ({{1}}, {{2}}, ...).""";

    private SendCommand() {}

    static int run(String[] args, Config config, PrintStream out, PrintStream err) {
        var options = new Options(args, USAGE, "to", "text", "template", "param", "lang");
        String to = options.require("to");
        var text = options.get("text");
        var template = options.get("template");
        if (text.isPresent() == template.isPresent()) {
            throw new CommandLineError("Give either --text or --template.\n" + USAGE);
        }
        try (var storage = Wiring.storageOnly(config)) {
            Outcome outcome;
            if (template.isPresent()) {
                TemplateMessage message;
                try {
                    message = new TemplateMessage(
                            template.get(), options.get("lang").orElse("it"), options.all("param"));
                } catch (IllegalArgumentException e) {
                    throw new CommandLineError(e.getMessage() + "\n" + USAGE);
                }
                outcome = storage.sendTemplate().sendTo(to, message);
            } else {
                outcome = storage.sendToCustomer().send(to, text.get());
            }
            return switch (outcome) {
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

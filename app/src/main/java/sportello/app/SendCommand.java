package sportello.app;

import java.io.PrintStream;
import sportello.domain.conversation.TemplateButton;
import sportello.domain.conversation.TemplateHeader;
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
                       [--header image|video|document|text=<https link, media id or text>] [--link <button>=<end>]...
              --param is repeated once per value of the template's body, in order ({{1}}, {{2}}, ...).
              --header fills a template's header; --link the end of the address of link button <button> (from 0).""";

    private SendCommand() {}

    static int run(String[] args, Config config, PrintStream out, PrintStream err) {
        var options = new Options(args, USAGE, "to", "text", "template", "param", "lang", "header", "link");
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
                            template.get(),
                            options.get("lang").orElse("it"),
                            options.all("param"),
                            options.get("header").map(SendCommand::header).orElse(null),
                            options.all("link").stream().map(SendCommand::link).toList());
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

    private static TemplateHeader header(String option) {
        int equals = option.indexOf('=');
        if (equals < 1) {
            throw new IllegalArgumentException("--header needs <type>=<value>, e.g. image=https://example.it/a.jpg");
        }
        return new TemplateHeader(
                TemplateHeader.Format.named(option.substring(0, equals)), option.substring(equals + 1));
    }

    private static TemplateButton link(String option) {
        int equals = option.indexOf('=');
        try {
            return new TemplateButton(
                    Integer.parseInt(option.substring(0, Math.max(equals, 0)).strip()),
                    TemplateButton.Kind.URL,
                    option.substring(equals + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--link needs <button>=<end of the link>, e.g. 0=58213");
        }
    }
}

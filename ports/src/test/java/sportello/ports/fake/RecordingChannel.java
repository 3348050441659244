package sportello.ports.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.ports.out.Channel;

/** A channel that records what was sent and answers with scripted results (accepted by default). */
public final class RecordingChannel implements Channel {

    public record Sent(Customer to, String text, String correlation) {}

    private final List<Sent> sent = new ArrayList<>();
    private final List<String> markedRead = new ArrayList<>();
    private final List<TemplateMessage> templates = new ArrayList<>();
    private final Deque<SendResult> script = new ArrayDeque<>();
    private int accepted;

    /** The next sends answer with these results, in order; afterwards sends are accepted. */
    public synchronized RecordingChannel thenAnswer(SendResult... results) {
        script.addAll(List.of(results));
        return this;
    }

    @Override
    public synchronized SendResult send(Customer to, String text, String correlation) {
        sent.add(new Sent(to, text, correlation));
        var next = script.poll();
        if (next != null) {
            return next;
        }
        return new SendResult.Accepted("wamid.fake-" + (++accepted));
    }

    /** Records the template as sent, with its preview as the text. */
    @Override
    public synchronized SendResult sendTemplate(Customer to, TemplateMessage template, String correlation) {
        templates.add(template);
        return send(to, template.preview(), correlation);
    }

    public synchronized List<TemplateMessage> templates() {
        return List.copyOf(templates);
    }

    @Override
    public synchronized void markRead(String channelAccount, String channelMessageId) {
        markedRead.add(channelMessageId);
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<String> markedRead() {
        return List.copyOf(markedRead);
    }
}

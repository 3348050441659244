package sportello.whatsapp.inbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sportello.domain.conversation.BusinessEcho;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.StatusReport;
import sportello.ports.out.WebhookReader.Reading.Events;

/** Gathers what one webhook delivery carries while it is walked; notices are kept once each, in order. */
final class ReadingCollector {

    private final List<CustomerMessage> messages = new ArrayList<>();
    private final List<StatusReport> statuses = new ArrayList<>();
    private final List<BusinessEcho> echoes = new ArrayList<>();
    private final Set<String> notices = new LinkedHashSet<>();

    void message(CustomerMessage message) {
        messages.add(message);
    }

    void status(StatusReport status) {
        statuses.add(status);
    }

    void echo(BusinessEcho echo) {
        echoes.add(echo);
    }

    void notice(String notice) {
        notices.add(notice);
    }

    Events events() {
        return new Events(List.copyOf(messages), List.copyOf(statuses), List.copyOf(notices), List.copyOf(echoes));
    }
}

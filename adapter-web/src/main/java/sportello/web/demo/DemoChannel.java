package sportello.web.demo;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.customer.Customer;
import sportello.ports.out.Channel;

/**
 * The channel of demo mode: nothing leaves the machine. Every reply is accepted at once and shows up in the
 * conversation, so the whole front desk can be tried without a WhatsApp account.
 */
public final class DemoChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(DemoChannel.class);

    @Override
    public SendResult send(Customer to, String text, String correlation) {
        log.info("Demo reply to {}: {}", to.key().value(), text);
        return new SendResult.Accepted("demo." + UUID.randomUUID());
    }

    @Override
    public void markRead(String channelAccount, String channelMessageId) {}
}

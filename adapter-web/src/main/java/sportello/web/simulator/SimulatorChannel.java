package sportello.web.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.Delivery;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.ports.in.ReceiveWebhook;
import sportello.ports.in.ReceiveWebhook.Outcome;
import sportello.ports.out.Channel;

/**
 * The channel of demo mode: a WhatsApp stand-in with a phone per customer, shown at {@code /simulator}. Replies
 * land on the customer's simulated phone, which reports them delivered at once and read once the customer's chat
 * is on screen. Customers' messages and the phone's receipts go in through {@link ReceiveWebhook}, the durable
 * path WhatsApp's webhook takes, so the rest of Sportello cannot tell the two channels apart.
 */
public final class SimulatorChannel implements Channel {

    static final String DEFAULT_PHONE = "393331234567";
    static final String DEFAULT_NAME = "Giulia";

    private static final Logger log = LoggerFactory.getLogger(SimulatorChannel.class);

    private final Phones phones = new Phones();
    private final ObjectMapper json;
    private final InstantSource clock;
    private volatile ReceiveWebhook inbound;

    public SimulatorChannel(ObjectMapper json, InstantSource clock) {
        this.json = json;
        this.clock = clock;
        phones.open(DEFAULT_PHONE, DEFAULT_NAME);
    }

    /**
     * Where the phones deliver: a {@link ReceiveWebhook} reading {@link SimulatorWebhookReader}'s format. Set
     * once at startup; it cannot be a constructor argument because the inbox's workers need this channel first.
     */
    public void connect(ReceiveWebhook inbound) {
        this.inbound = inbound;
    }

    @Override
    public SendResult send(Customer to, String text, String correlation) {
        String phone = to.phoneValue().orElse(to.key().value());
        var message = new PhoneMessage(
                "sim." + UUID.randomUUID(),
                PhoneMessage.From.BUSINESS,
                text,
                clock.instant(),
                new Delivery(DeliveryState.SENT, null),
                correlation);
        phones.add(phone, to.displayName(), message);
        // the phone is always on: it reports the message delivered as soon as it has it
        if (report(List.of(message), DeliveryState.DELIVERED)) {
            phones.advance(message.id(), DeliveryState.DELIVERED, null);
        }
        return new SendResult.Accepted(message.id());
    }

    /** The phone shows a template as its name and values: the simulator has no approved texts to fill in. */
    @Override
    public SendResult sendTemplate(Customer to, TemplateMessage template, String correlation) {
        return send(to, template.preview(), correlation);
    }

    @Override
    public void markRead(String channelAccount, String channelMessageId) {
        if (SimulatorWebhookReader.ACCOUNT.equals(channelAccount)) {
            phones.readUpTo(channelMessageId);
        }
    }

    /** What became of a message a customer wrote on a simulated phone. */
    record Written(PhoneMessage message, Outcome outcome) {}

    /**
     * The customer writes; the message is on the phone at once, and shows delivered once Sportello stored it.
     * {@code name} (optional) is the customer's WhatsApp profile name.
     */
    Written customerWrites(String phone, String name, String text) {
        var chat = phones.open(phone, name);
        var message = new PhoneMessage(
                "sim." + UUID.randomUUID(), PhoneMessage.From.CUSTOMER, text, clock.instant(), Delivery.PENDING, null);
        phones.add(phone, chat.name(), message);
        var outcome = deliver(new Payloads.CustomerWrote(message.id(), chat.number(), chat.name(), text));
        switch (outcome) {
            case Outcome.Stored stored -> phones.advance(message.id(), DeliveryState.DELIVERED, null);
            case Outcome.NotStored(var reason) -> phones.advance(message.id(), DeliveryState.FAILED, reason);
            case Outcome.KeptUnreadable(var reason) -> phones.advance(message.id(), DeliveryState.FAILED, reason);
            case Outcome.Rejected(var reason) -> phones.advance(message.id(), DeliveryState.FAILED, reason);
        }
        return new Written(phones.message(message.id()).orElse(message), outcome);
    }

    /** The customer has the chat on screen: what the business sent is read now, and the phone says so. */
    int customerReads(String phone) {
        var unread = phones.chat(phone).stream()
                .flatMap(chat -> chat.messages().stream())
                .filter(PhoneMessage::unreadByCustomer)
                .toList();
        if (unread.isEmpty() || !report(unread, DeliveryState.READ)) {
            return 0;
        }
        unread.forEach(m -> phones.advance(m.id(), DeliveryState.READ, null));
        return unread.size();
    }

    Phones.Chat open(String phone, String name) {
        return phones.open(phone, name);
    }

    Optional<Phones.Chat> chat(String phone) {
        return phones.chat(phone);
    }

    List<Phones.Chat> chats() {
        return phones.all();
    }

    private boolean report(List<PhoneMessage> messages, DeliveryState state) {
        String status = state.name().toLowerCase(Locale.ROOT);
        var receipts = messages.stream()
                .map(m -> new Payloads.Receipt(m.id(), status, m.correlation(), null))
                .toList();
        return switch (deliver(new Payloads.Receipts(receipts))) {
            case Outcome.Stored stored -> true;
            case Outcome other -> {
                log.warn("The simulated phone's '{}' receipt was not stored: {}", status, other);
                yield false;
            }
        };
    }

    private Outcome deliver(Object payload) {
        var target = inbound;
        if (target == null) {
            return new Outcome.NotStored("the simulator is not connected to the inbox (WebApp.withSimulator)");
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the simulator's payload", e);
        }
        return target.receive(body, Map.of());
    }
}

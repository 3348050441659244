package sportello.ports.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import sportello.domain.conversation.Attention;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.Delivery;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.Mode;
import sportello.domain.conversation.StatusReport;
import sportello.domain.customer.Customer;
import sportello.domain.profile.CustomerProfile;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.Conversations;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.Outbox;
import sportello.ports.out.OutboxEntry;
import sportello.ports.out.RawDelivery;

/** In-memory storage behind the three storage ports, sharing one state as the SQLite file does. */
public final class InMemoryStorage implements Conversations, Inbox, Outbox {

    private enum SendState {
        QUEUED,
        SENDING,
        IN_DOUBT,
        ACCEPTED,
        FAILED
    }

    private record Header(Customer customer, Mode mode, CustomerProfile profile, Attention attention) {}

    private static final class Outgoing {
        final String entryId;
        final ConversationId conversation;
        final String inReplyTo;
        Message message;
        SendState state = SendState.QUEUED;
        int attempts;
        Instant dueAt;
        String reason;

        Outgoing(String entryId, ConversationId conversation, String inReplyTo, Message message) {
            this.entryId = entryId;
            this.conversation = conversation;
            this.inReplyTo = inReplyTo;
            this.message = message;
            this.dueAt = message.at();
        }
    }

    private record Pending(long id, CustomerMessage message) {}

    private final ProfileSchema schema;
    private final Map<ConversationId, Header> headers = new LinkedHashMap<>();
    private final Map<ConversationId, List<Message>> inbound = new LinkedHashMap<>();
    private final Map<String, Outgoing> outgoing = new LinkedHashMap<>();
    private final Map<String, Pending> inboxByKey = new LinkedHashMap<>();
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final List<StatusReport> reports = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private long nextInboxId = 1;

    public InMemoryStorage(ProfileSchema schema) {
        this.schema = schema;
    }

    public InMemoryStorage() {
        this(ProfileSchema.standard());
    }

    // --- Inbox

    @Override
    public synchronized int store(RawDelivery delivery, List<CustomerMessage> messages, List<StatusReport> statuses) {
        int fresh = 0;
        for (CustomerMessage message : messages) {
            String key = message.channelAccount() + "\u0000" + message.channelMessageId();
            if (!inboxByKey.containsKey(key)) {
                var entry = new Pending(nextInboxId++, message);
                inboxByKey.put(key, entry);
                pending.put(entry.id(), entry);
                fresh++;
            }
        }
        for (StatusReport status : statuses) {
            if (!reports.contains(status)) {
                reports.add(status);
            }
        }
        return fresh;
    }

    @Override
    public synchronized void storeUnreadable(RawDelivery delivery, String reason) {
        unreadable.add(reason);
    }

    public synchronized List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    @Override
    public synchronized List<InboxEntry> pending(int limit) {
        return pending.values().stream()
                .limit(limit)
                .map(p -> new InboxEntry(p.id(), p.message()))
                .toList();
    }

    @Override
    public synchronized void markDone(long entryId) {
        pending.remove(entryId);
    }

    @Override
    public synchronized void markFailed(long entryId, String reason) {
        pending.remove(entryId);
    }

    @Override
    public synchronized int pendingCount() {
        return pending.size();
    }

    @Override
    public synchronized int unsentCount() {
        return (int) outgoing.values().stream()
                .filter(o -> o.state != SendState.ACCEPTED && o.state != SendState.FAILED)
                .count();
    }

    // --- Conversations

    @Override
    public synchronized Optional<Conversation> byId(ConversationId id) {
        var header = headers.get(id);
        if (header == null) {
            return Optional.empty();
        }
        var messages = new ArrayList<>(inbound.getOrDefault(id, List.of()));
        outgoing.values().stream()
                .filter(o -> o.conversation.equals(id))
                .map(this::withDelivery)
                .forEach(messages::add);
        return Optional.of(
                new Conversation(id, header.customer(), header.mode(), messages, header.profile(), header.attention()));
    }

    @Override
    public synchronized Optional<Conversation> byCustomer(Customer customer) {
        var byUserId = customer.userIdValue()
                .flatMap(userId -> headers.entrySet().stream()
                        .filter(e -> userId.equals(e.getValue().customer().userId()))
                        .map(Map.Entry::getKey)
                        .findFirst());
        var byPhone = customer.phoneValue()
                .flatMap(phone -> headers.entrySet().stream()
                        .filter(e -> phone.equals(e.getValue().customer().phone()))
                        .map(Map.Entry::getKey)
                        .findFirst());
        return byUserId.or(() -> byPhone).flatMap(this::byId);
    }

    @Override
    public synchronized void save(Conversation conversation) {
        headers.put(
                conversation.id(),
                new Header(
                        conversation.customer(),
                        conversation.mode(),
                        conversation.profile(),
                        conversation.attention()));
        var stored = inbound.computeIfAbsent(conversation.id(), id -> new ArrayList<>());
        for (Message message : conversation.messages()) {
            boolean known = stored.stream().anyMatch(m -> m.id().equals(message.id()))
                    || outgoing.values().stream().anyMatch(o -> o.message.id().equals(message.id()));
            if (!known && message.direction() == Direction.IN) {
                stored.add(message);
            }
        }
    }

    @Override
    public synchronized List<ConversationSummary> summaries(int limit, int offset) {
        return headers.keySet().stream()
                .map(id -> byId(id).orElseThrow())
                .sorted(Comparator.comparing((Conversation c) ->
                                c.lastMessage().map(Message::at).orElse(Instant.EPOCH))
                        .reversed())
                .skip(offset)
                .limit(limit)
                .map(c -> new ConversationSummary(
                        c.id(),
                        c.customer(),
                        c.mode(),
                        c.lastMessage().map(Message::at).orElse(null),
                        c.lastMessage().map(Message::text).orElse(""),
                        c.profile().isComplete(schema),
                        c.attention().isNeeded()))
                .toList();
    }

    // --- Outbox

    @Override
    public synchronized OutboxEntry enqueue(
            ConversationId conversation, Author author, String text, String inReplyTo, Instant at) {
        if (inReplyTo != null) {
            var existing = outgoing.values().stream()
                    .filter(o -> inReplyTo.equals(o.inReplyTo))
                    .findFirst();
            if (existing.isPresent()) {
                return entry(existing.get());
            }
        }
        if (!headers.containsKey(conversation)) {
            throw new IllegalArgumentException("no conversation " + conversation);
        }
        String id = UUID.randomUUID().toString();
        var message = Message.outbound(id, author, text, at);
        var out = new Outgoing(id, conversation, inReplyTo, message);
        outgoing.put(id, out);
        return entry(out);
    }

    @Override
    public synchronized boolean hasReplyTo(String inReplyTo) {
        return outgoing.values().stream().anyMatch(o -> inReplyTo.equals(o.inReplyTo));
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(Instant now, int limit) {
        var due = outgoing.values().stream()
                .filter(o -> (o.state == SendState.QUEUED || o.state == SendState.IN_DOUBT) && !o.dueAt.isAfter(now))
                .sorted(Comparator.comparing((Outgoing o) -> o.dueAt))
                .limit(limit)
                .toList();
        due.forEach(o -> o.state = SendState.SENDING);
        return due.stream().map(this::entry).toList();
    }

    @Override
    public synchronized void accepted(String entryId, String channelMessageId) {
        var out = require(entryId);
        out.state = SendState.ACCEPTED;
        out.message = out.message.acceptedAs(channelMessageId);
    }

    @Override
    public synchronized void retryAt(String entryId, Instant at, String error) {
        var out = require(entryId);
        out.state = SendState.QUEUED;
        out.attempts++;
        out.dueAt = at;
        out.reason = error;
    }

    @Override
    public synchronized void inDoubt(String entryId, Instant recheckAt, String error) {
        var out = require(entryId);
        out.state = SendState.IN_DOUBT;
        out.attempts++;
        out.dueAt = recheckAt;
        out.reason = error;
    }

    @Override
    public synchronized void failed(String entryId, String reason) {
        var out = require(entryId);
        out.state = SendState.FAILED;
        out.reason = reason;
    }

    @Override
    public synchronized List<OutboxEntry> interruptedSends() {
        return outgoing.values().stream()
                .filter(o -> o.state == SendState.SENDING)
                .map(this::entry)
                .toList();
    }

    @Override
    public synchronized Optional<String> channelIdFromStatusReports(String entryId) {
        return reports.stream()
                .filter(r -> entryId.equals(r.correlation()))
                .map(StatusReport::channelMessageId)
                .findFirst();
    }

    private Outgoing require(String entryId) {
        return Objects.requireNonNull(outgoing.get(entryId), () -> "no outbox entry " + entryId);
    }

    private OutboxEntry entry(Outgoing out) {
        return new OutboxEntry(
                out.entryId,
                out.conversation,
                headers.get(out.conversation).customer(),
                out.message.text(),
                out.attempts,
                out.message.at());
    }

    private Message withDelivery(Outgoing out) {
        Delivery base = switch (out.state) {
            case QUEUED, SENDING, IN_DOUBT -> Delivery.PENDING;
            case ACCEPTED -> new Delivery(DeliveryState.SENT, null);
            case FAILED -> Delivery.failed(out.reason);
        };
        var channelId = out.message.channelMessageId();
        var mine = reports.stream()
                .filter(r -> out.entryId.equals(r.correlation())
                        || (channelId != null && channelId.equals(r.channelMessageId())))
                .toList();
        return out.message.withDelivery(Delivery.fold(base, mine));
    }
}

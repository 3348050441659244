package sportello.ports.fake;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import sportello.ports.out.Analytics;
import sportello.ports.out.AnalyticsReport;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.Conversations;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.Outbox;
import sportello.ports.out.OutboxEntry;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.Usage;
import sportello.ports.out.UsageLog;

/** In-memory storage behind the storage ports and analytics, sharing one state as the SQLite file does. */
public final class InMemoryStorage implements Conversations, Inbox, Outbox, UsageLog, Analytics {

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

    private record Pending(long id, CustomerMessage message, Instant receivedAt) {}

    private record AttentionEvent(ConversationId conversation, String reason, Instant at) {}

    private final ProfileSchema schema;
    private final Map<ConversationId, Header> headers = new LinkedHashMap<>();
    private final Map<ConversationId, List<Message>> inbound = new LinkedHashMap<>();
    private final Map<String, Outgoing> outgoing = new LinkedHashMap<>();
    private final Map<String, Pending> inboxByKey = new LinkedHashMap<>();
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final List<StatusReport> reports = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private final Map<ConversationId, Instant> seenByStaff = new LinkedHashMap<>();
    private final Map<ConversationId, List<Usage>> usage = new LinkedHashMap<>();
    private final List<AttentionEvent> attentionEvents = new ArrayList<>();
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
                var entry = new Pending(nextInboxId++, message, delivery.receivedAt());
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
                .map(p -> new InboxEntry(p.id(), p.message(), p.receivedAt()))
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
        var previous = headers.containsKey(conversation.id())
                ? headers.get(conversation.id()).attention()
                : Attention.NONE;
        if (conversation.attention().isNeeded() && !conversation.attention().equals(previous)) {
            attentionEvents.add(new AttentionEvent(
                    conversation.id(),
                    conversation.attention().reason(),
                    conversation.attention().since()));
        }
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
    public synchronized List<ConversationSummary> summaries(ConversationQuery query) {
        return matching(query).stream()
                .skip(query.offset())
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized int count(ConversationQuery query) {
        return matching(query).size();
    }

    @Override
    public synchronized void markSeenByStaff(ConversationId id, Instant at) {
        seenByStaff.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    private List<ConversationSummary> matching(ConversationQuery query) {
        return headers.keySet().stream()
                .map(id -> byId(id).orElseThrow())
                .map(this::summary)
                .filter(s -> matches(s, query))
                .sorted(Comparator.comparing((ConversationSummary s) ->
                                s.lastMessageAt() == null ? Instant.EPOCH : s.lastMessageAt())
                        .reversed())
                .toList();
    }

    private ConversationSummary summary(Conversation c) {
        var seen = seenByStaff.getOrDefault(c.id(), Instant.EPOCH);
        int unread = (int) c.messages().stream()
                .filter(m -> m.direction() == Direction.IN && m.at().isAfter(seen))
                .count();
        String name = c.profile()
                .value(ProfileSchema.NAME)
                .map(v -> v.value())
                .orElse(c.customer().displayName());
        return new ConversationSummary(
                c.id(),
                c.customer(),
                name,
                c.mode(),
                c.lastMessage().map(Message::at).orElse(null),
                c.lastMessage().map(Message::text).orElse(""),
                c.lastInboundAt().orElse(null),
                c.profile().isComplete(schema),
                c.attention().isNeeded(),
                c.attention().reason(),
                unread);
    }

    private boolean matches(ConversationSummary s, ConversationQuery q) {
        if (q.needsAttentionOnly() && !s.needsAttention()) {
            return false;
        }
        if (q.profileComplete() != null && q.profileComplete() != s.profileComplete()) {
            return false;
        }
        if (q.mode() != null && q.mode() != s.mode()) {
            return false;
        }
        if (q.windowOpen() != null) {
            boolean open = s.lastInboundAt() != null
                    && q.now().isBefore(s.lastInboundAt().plus(sportello.domain.conversation.ServiceWindow.LENGTH));
            if (open != q.windowOpen()) {
                return false;
            }
        }
        if (q.search() == null) {
            return true;
        }
        String needle = q.search().toLowerCase(java.util.Locale.ROOT);
        var profile = byId(s.id()).orElseThrow().profile();
        return java.util.stream.Stream.of(
                        s.name(),
                        s.customer().displayName(),
                        s.customer().phone(),
                        s.customer().userId(),
                        profile.value(ProfileSchema.EMAIL).map(v -> v.value()).orElse(null),
                        profile.value(ProfileSchema.PHONE).map(v -> v.value()).orElse(null),
                        profile.value(ProfileSchema.ORDER_NUMBER)
                                .map(v -> v.value())
                                .orElse(null))
                .filter(Objects::nonNull)
                .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains(needle));
    }

    // --- UsageLog

    @Override
    public synchronized void record(ConversationId conversation, List<Usage> calls) {
        usage.computeIfAbsent(conversation, id -> new ArrayList<>()).addAll(calls);
    }

    @Override
    public synchronized List<Usage> of(ConversationId conversation) {
        return List.copyOf(usage.getOrDefault(conversation, List.of()));
    }

    // --- Analytics

    @Override
    public synchronized AnalyticsReport report(LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range starts (" + from + ") after it ends (" + to + ")");
        }
        var range = new Range(from, to.plusDays(1), zone);
        var all = headers.keySet().stream().map(id -> byId(id).orElseThrow()).toList();
        var active = all.stream().filter(c -> range.anyMessageIn(c)).toList();
        var answers = answers(active, range);
        return new AnalyticsReport(
                from,
                to,
                from.datesUntil(to.plusDays(1))
                        .map(day -> new AnalyticsReport.DayCount(
                                day,
                                all.stream()
                                        .filter(new Range(day, day.plusDays(1), zone)::anyMessageIn)
                                        .count()))
                        .toList(),
                active.isEmpty()
                        ? 0.0
                        : (double) active.stream()
                                        .filter(c -> c.profile().isComplete(schema))
                                        .count()
                                / active.size(),
                responseTimes(answers.getOrDefault(Author.BOT, List.of())),
                responseTimes(answers.getOrDefault(Author.STAFF, List.of())),
                mostFrequentFirst(attentionEvents.stream()
                                .filter(e -> range.contains(e.at()))
                                .map(AttentionEvent::reason))
                        .entrySet()
                        .stream()
                        .map(e -> new AnalyticsReport.ReasonCount(e.getKey(), e.getValue()))
                        .toList(),
                mostFrequentFirst(all.stream()
                        .flatMap(c -> c.messages().stream())
                        .filter(m -> m.direction() == Direction.IN && range.contains(m.at()))
                        .map(m -> m.kind().name())),
                from.datesUntil(to.plusDays(1))
                        .map(day -> dayUsage(day, new Range(day, day.plusDays(1), zone)))
                        .toList());
    }

    /** From the start of one day (included) to the start of another (excluded), in a time zone. */
    private record Range(Instant start, Instant end) {
        Range(LocalDate from, LocalDate until, ZoneId zone) {
            this(from.atStartOfDay(zone).toInstant(), until.atStartOfDay(zone).toInstant());
        }

        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }

        boolean anyMessageIn(Conversation conversation) {
            return conversation.messages().stream().anyMatch(m -> contains(m.at()));
        }
    }

    /**
     * For each customer message of the range that follows one of ours (or opens the conversation), the time to
     * our next message, by its author. Reactions, stickers and system notices expect no answer and are skipped.
     */
    private static Map<Author, List<Duration>> answers(List<Conversation> conversations, Range range) {
        var answers = new EnumMap<Author, List<Duration>>(Author.class);
        for (Conversation conversation : conversations) {
            var turns = conversation.messages().stream()
                    .filter(m -> m.direction() == Direction.OUT || m.kind().startsAgentTurn())
                    .toList();
            for (int i = 0; i < turns.size(); i++) {
                var asked = turns.get(i);
                boolean waits = i == 0 || turns.get(i - 1).direction() == Direction.OUT;
                if (asked.direction() == Direction.IN && waits && range.contains(asked.at())) {
                    turns.stream()
                            .skip(i + 1L)
                            .filter(m -> m.direction() == Direction.OUT)
                            .findFirst()
                            .ifPresent(answer -> answers.computeIfAbsent(answer.author(), a -> new ArrayList<>())
                                    .add(Duration.between(asked.at(), answer.at())));
                }
            }
        }
        return answers;
    }

    /** Average and nearest-rank 90th percentile, in seconds. */
    private static AnalyticsReport.ResponseTimes responseTimes(List<Duration> samples) {
        if (samples.isEmpty()) {
            return new AnalyticsReport.ResponseTimes(null, null, 0);
        }
        double[] seconds =
                samples.stream().mapToDouble(d -> d.toNanos() / 1e9).sorted().toArray();
        int rank = (int) Math.ceil(0.9 * seconds.length);
        return new AnalyticsReport.ResponseTimes(
                Arrays.stream(seconds).sum() / seconds.length, seconds[rank - 1], seconds.length);
    }

    private static Map<String, Long> mostFrequentFirst(Stream<String> values) {
        var result = new LinkedHashMap<String, Long>();
        values.collect(Collectors.groupingBy(v -> v, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private AnalyticsReport.DayUsage dayUsage(LocalDate day, Range range) {
        var calls = usage.values().stream()
                .flatMap(List::stream)
                .filter(u -> range.contains(u.at()))
                .toList();
        return new AnalyticsReport.DayUsage(
                day,
                calls.stream().mapToLong(Usage::inputTokens).sum(),
                calls.stream().mapToLong(Usage::cachedTokens).sum(),
                calls.stream().mapToLong(Usage::outputTokens).sum(),
                calls.stream().map(Usage::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
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

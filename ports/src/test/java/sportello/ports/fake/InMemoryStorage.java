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
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.domain.profile.CustomerProfile;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.Analytics;
import sportello.ports.out.AnalyticsReport;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.Conversations;
import sportello.ports.out.CustomerRecords;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.Outbox;
import sportello.ports.out.OutboxEntry;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.Retention;
import sportello.ports.out.Usage;
import sportello.ports.out.UsageLog;

/**
 * In-memory storage behind the storage ports and analytics, sharing one state as the SQLite file does. Retention and
 * erasure keep what the analytics need as anonymous copies (messages without text or ids of their own, conversations
 * of nobody), so the figures of past days do not change, as the SQLite adapter's anonymous counts do.
 */
public final class InMemoryStorage
        implements Conversations, Inbox, Outbox, UsageLog, Analytics, Retention, CustomerRecords {

    private enum SendState {
        QUEUED,
        SENDING,
        IN_DOUBT,
        ACCEPTED,
        FAILED
    }

    private record Header(
            Customer customer, Mode mode, CustomerProfile profile, Attention attention, Instant windowClosedAt) {}

    private static final class Outgoing {
        final String entryId;
        final ConversationId conversation;
        final String inReplyTo;
        Message message;
        SendState state = SendState.QUEUED;
        int attempts;
        Instant dueAt;
        String reason;
        TemplateMessage template;

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
    /** Anonymous copies of the messages retention deleted, per conversation, for analytics and list times. */
    private final Map<ConversationId, List<Message>> forgotten = new LinkedHashMap<>();
    /** Anonymous copies of erased conversations: their whole timeline, for analytics only. */
    private final List<Conversation> erased = new ArrayList<>();

    private final List<AuditEntry> audit = new ArrayList<>();
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
        return Optional.of(new Conversation(
                id,
                header.customer(),
                header.mode(),
                messages,
                header.profile(),
                header.attention(),
                header.windowClosedAt()));
    }

    @Override
    public synchronized Optional<Mode> modeOf(ConversationId id) {
        return Optional.ofNullable(headers.get(id)).map(Header::mode);
    }

    @Override
    public synchronized Optional<Conversation> byCustomer(Customer customer) {
        var byUserId = customer.userIdValue()
                .flatMap(userId -> headers.entrySet().stream()
                        .filter(e -> userId.equals(e.getValue().customer().userId()))
                        .map(Map.Entry::getKey)
                        .findFirst());
        var byPreviousUserId = customer.previousUserIdValue()
                .flatMap(userId -> headers.entrySet().stream()
                        .filter(e -> userId.equals(e.getValue().customer().userId()))
                        .map(Map.Entry::getKey)
                        .findFirst());
        var byPhone = customer.phoneValue()
                .flatMap(phone -> headers.entrySet().stream()
                        .filter(e -> phone.equals(e.getValue().customer().phone()))
                        .map(Map.Entry::getKey)
                        .findFirst());
        return byUserId.or(() -> byPreviousUserId).or(() -> byPhone).flatMap(this::byId);
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
                        conversation.attention(),
                        conversation.windowClosedAtValue().orElse(null)));
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
    public synchronized Optional<ConversationId> ofMessage(String messageId) {
        for (Outgoing out : outgoing.values()) {
            if (out.message.id().equals(messageId) || messageId.equals(out.message.channelMessageId())) {
                return Optional.of(out.conversation);
            }
        }
        for (var entry : inbound.entrySet()) {
            for (Message message : entry.getValue()) {
                if (message.id().equals(messageId) || messageId.equals(message.channelMessageId())) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
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

    /**
     * The list follows the stored messages; once retention deleted them all, the conversation keeps the time of its
     * last message (and of the customer's last message) but shows no text.
     */
    private ConversationSummary summary(Conversation c) {
        var seen = seenByStaff.getOrDefault(c.id(), Instant.EPOCH);
        var gone = forgotten.getOrDefault(c.id(), List.of());
        Instant lastAt = c.lastMessage()
                .map(Message::at)
                .orElseGet(() -> gone.stream()
                        .map(Message::at)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
        Instant lastInbound = c.lastInboundAt()
                .orElseGet(() -> gone.stream()
                        .filter(m -> m.direction() == Direction.IN)
                        .map(Message::at)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
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
                lastAt,
                c.lastMessage().map(Message::text).orElse(""),
                lastInbound,
                c.profile().isComplete(schema),
                c.attention().isNeeded(),
                c.attention().reason(),
                unread,
                c.windowClosedAtValue().orElse(null));
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
            boolean open = s.serviceWindow().map(w -> w.isOpenAt(q.now())).orElse(false);
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
        var live = headers.keySet().stream()
                .map(id -> withForgotten(byId(id).orElseThrow()))
                .toList();
        var all = Stream.concat(live.stream(), erased.stream()).toList();
        var active = live.stream().filter(c -> range.anyMessageIn(c)).toList();
        var answers = answers(all.stream().filter(range::anyMessageIn).toList(), range);
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

    // --- Retention

    /**
     * Same rules as the SQLite adapter: messages older than {@code before} go (outbound ones only once accepted or
     * failed), with the status reports about them and old reports about no stored message; handled inbox entries
     * older than {@code before} go; pending ones, unsent messages, conversations and profiles stay.
     */
    @Override
    public synchronized int deleteMessagesBefore(Instant before) {
        int deleted = 0;
        for (var entry : inbound.entrySet()) {
            var old = entry.getValue().stream()
                    .filter(m -> m.at().isBefore(before))
                    .toList();
            entry.getValue().removeAll(old);
            remember(entry.getKey(), old);
            deleted += old.size();
        }
        var oldOutgoing = outgoing.values().stream()
                .filter(o -> o.message.at().isBefore(before))
                .filter(o -> o.state == SendState.ACCEPTED || o.state == SendState.FAILED)
                .toList();
        for (Outgoing out : oldOutgoing) {
            reports.removeIf(r -> isAbout(out, r));
            outgoing.remove(out.entryId);
            remember(out.conversation, List.of(out.message));
            deleted++;
        }
        reports.removeIf(
                r -> r.at().isBefore(before) && outgoing.values().stream().noneMatch(o -> isAbout(o, r)));
        inboxByKey
                .values()
                .removeIf(p ->
                        !pending.containsKey(p.id()) && p.message().sentAt().isBefore(before));
        return deleted;
    }

    private void remember(ConversationId conversation, List<Message> messages) {
        if (!messages.isEmpty()) {
            forgotten
                    .computeIfAbsent(conversation, id -> new ArrayList<>())
                    .addAll(messages.stream().map(InMemoryStorage::anonymous).toList());
        }
    }

    /** What analytics need of a message: when, which way, by whom, what kind; no text, no channel id. */
    private static Message anonymous(Message message) {
        return new Message(
                UUID.randomUUID().toString(),
                null,
                message.direction(),
                message.author(),
                message.kind(),
                "",
                message.at(),
                message.delivery());
    }

    /** The conversation with the anonymous copies of its forgotten messages, as analytics see it. */
    private Conversation withForgotten(Conversation c) {
        var gone = forgotten.getOrDefault(c.id(), List.of());
        if (gone.isEmpty()) {
            return c;
        }
        var messages = new ArrayList<>(gone);
        messages.addAll(c.messages());
        return new Conversation(
                c.id(), c.customer(), c.mode(), messages, c.profile(), c.attention(), c.windowClosedAt());
    }

    private static boolean isAbout(Outgoing out, StatusReport report) {
        var channelId = out.message.channelMessageId();
        return out.entryId.equals(report.correlation())
                || (channelId != null && channelId.equals(report.channelMessageId()));
    }

    // --- CustomerRecords

    @Override
    public synchronized Optional<CustomerExport> export(ConversationId id) {
        return byId(id).map(conversation -> new CustomerExport(
                conversation,
                of(id),
                inboxOf(conversation).stream().map(p -> p.message().raw()).toList()));
    }

    /**
     * Same rules as the SQLite adapter: everything about the conversation goes, also pending inbox entries and
     * unsent messages; analytics keep an anonymous copy (attention reasons only up to their first ':').
     */
    @Override
    public synchronized Map<String, Integer> erase(ConversationId id) {
        var conversation = byId(id);
        if (conversation.isEmpty()) {
            return Map.of();
        }
        var ghost = new ConversationId("erased-" + (erased.size() + 1));
        erased.add(new Conversation(
                ghost,
                Customer.of(ghost.value(), null, null),
                Mode.BOT,
                withForgotten(conversation.get()).messages().stream()
                        .map(InMemoryStorage::anonymous)
                        .toList(),
                CustomerProfile.EMPTY,
                Attention.NONE));
        forgotten.remove(id);
        var removed = new LinkedHashMap<String, Integer>();
        var mine = outgoing.values().stream()
                .filter(o -> o.conversation.equals(id))
                .toList();
        int reportsBefore = reports.size();
        reports.removeIf(r -> mine.stream().anyMatch(o -> isAbout(o, r)));
        removed.put("status_report", reportsBefore - reports.size());
        var entries = inboxOf(conversation.get());
        entries.forEach(p -> {
            inboxByKey.values().remove(p);
            pending.remove(p.id());
        });
        removed.put("inbox_message", entries.size());
        mine.forEach(o -> outgoing.remove(o.entryId));
        var received = inbound.remove(id);
        removed.put("message", (received == null ? 0 : received.size()) + mine.size());
        removed.put("profile_value", headers.remove(id).profile().values().size());
        int events = 0;
        for (int i = 0; i < attentionEvents.size(); i++) {
            var event = attentionEvents.get(i);
            if (event.conversation().equals(id)) {
                int colon = event.reason().indexOf(':');
                var category = colon < 0
                        ? event.reason()
                        : event.reason().substring(0, colon).strip();
                attentionEvents.set(i, new AttentionEvent(ghost, category, event.at()));
                events++;
            }
        }
        removed.put("attention_event", events);
        var calls = usage.remove(id);
        if (calls != null) {
            usage.put(ghost, calls);
        }
        removed.put("model_usage", calls == null ? 0 : calls.size());
        removed.put("conversation", 1);
        seenByStaff.remove(id);
        return removed;
    }

    @Override
    public synchronized void audit(AuditEntry entry) {
        audit.add(Objects.requireNonNull(entry, "entry"));
    }

    @Override
    public synchronized List<AuditEntry> auditLog() {
        return audit.stream().sorted(Comparator.comparing(AuditEntry::at)).toList();
    }

    /** The customer's inbox entries: by any of their identifiers, or by the channel ids of their messages. */
    private List<Pending> inboxOf(Conversation conversation) {
        var customer = conversation.customer();
        var identifiers = Stream.of(customer.key().value(), customer.userId(), customer.phone())
                .filter(Objects::nonNull)
                .toList();
        var channelIds = conversation.messages().stream()
                .filter(m -> m.direction() == Direction.IN)
                .map(Message::channelMessageId)
                .filter(Objects::nonNull)
                .toList();
        return inboxByKey.values().stream()
                .filter(p -> {
                    var sender = p.message().customer();
                    return identifiers.contains(sender.key().value())
                            || (sender.userId() != null && sender.userId().equals(customer.userId()))
                            || (sender.phone() != null && sender.phone().equals(customer.phone()))
                            || channelIds.contains(p.message().channelMessageId());
                })
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
    public synchronized OutboxEntry enqueueTemplate(
            ConversationId conversation, Author author, TemplateMessage template, String text, Instant at) {
        if (!headers.containsKey(conversation)) {
            throw new IllegalArgumentException("no conversation " + conversation);
        }
        String id = UUID.randomUUID().toString();
        var out = new Outgoing(id, conversation, null, Message.outboundTemplate(id, author, text, at));
        out.template = template;
        outgoing.put(id, out);
        return entry(out);
    }

    @Override
    public synchronized boolean recordSent(
            ConversationId conversation, Author author, String text, String channelMessageId, Instant at) {
        if (!headers.containsKey(conversation)) {
            throw new IllegalArgumentException("no conversation " + conversation);
        }
        boolean known = outgoing.values().stream().anyMatch(o -> channelMessageId.equals(o.message.channelMessageId()));
        if (known) {
            return false;
        }
        String id = UUID.randomUUID().toString();
        var out = new Outgoing(
                id, conversation, null, Message.outbound(id, author, text, at).acceptedAs(channelMessageId));
        out.state = SendState.ACCEPTED;
        outgoing.put(id, out);
        return true;
    }

    @Override
    public synchronized boolean hasReplyTo(String inReplyTo) {
        return outgoing.values().stream().anyMatch(o -> inReplyTo.equals(o.inReplyTo));
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(Instant now, int limit) {
        var beingSent = outgoing.values().stream()
                .filter(o -> o.state == SendState.SENDING)
                .map(o -> o.conversation)
                .collect(java.util.stream.Collectors.toSet());
        var due = outgoing.values().stream()
                .filter(o -> (o.state == SendState.QUEUED || o.state == SendState.IN_DOUBT) && !o.dueAt.isAfter(now))
                .filter(o -> !beingSent.contains(o.conversation))
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
                out.message.at(),
                out.template);
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

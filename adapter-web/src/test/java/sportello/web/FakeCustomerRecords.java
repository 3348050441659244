package sportello.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Direction;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.in.QueryConversations;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.CustomerRecords;

/**
 * A small {@link CustomerRecords} over {@link InMemoryStorage}, which cannot delete: an erased conversation is
 * only hidden, by {@link #hiding} the reads staff make. The raw payloads are those {@link #received} recorded.
 */
public final class FakeCustomerRecords implements CustomerRecords {

    private final InMemoryStorage storage;
    private final Set<ConversationId> erased = ConcurrentHashMap.newKeySet();
    private final Map<ConversationId, List<String>> raw = new ConcurrentHashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    public FakeCustomerRecords(InMemoryStorage storage) {
        this.storage = storage;
    }

    /** The channel delivered this payload for the customer of {@code id}. */
    public void received(ConversationId id, String payload) {
        raw.computeIfAbsent(id, k -> new ArrayList<>()).add(payload);
    }

    public boolean isErased(ConversationId id) {
        return erased.contains(id);
    }

    @Override
    public Optional<CustomerExport> export(ConversationId id) {
        if (erased.contains(id)) {
            return Optional.empty();
        }
        return storage.byId(id)
                .map(c -> new CustomerExport(c, storage.of(id), List.copyOf(raw.getOrDefault(id, List.of()))));
    }

    @Override
    public Map<String, Integer> erase(ConversationId id) {
        var conversation = storage.byId(id);
        if (conversation.isEmpty() || !erased.add(id)) {
            return Map.of();
        }
        var c = conversation.get();
        var removed = new LinkedHashMap<String, Integer>();
        removed.put("conversation", 1);
        removed.put("message", c.messages().size());
        removed.put("profile_value", c.profile().values().size());
        removed.put("model_usage", storage.of(id).size());
        removed.put("raw_delivery", (int)
                c.messages().stream().filter(m -> m.direction() == Direction.IN).count());
        raw.remove(id);
        return removed;
    }

    @Override
    public synchronized void audit(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> auditLog() {
        return List.copyOf(audit);
    }

    /** The queries staff make, without the erased conversations. */
    public QueryConversations hiding(QueryConversations queries) {
        return new QueryConversations() {
            @Override
            public List<ConversationSummary> list(ConversationQuery query) {
                return queries.list(query).stream()
                        .filter(s -> !erased.contains(s.id()))
                        .toList();
            }

            @Override
            public int count(ConversationQuery query) {
                var all = new ConversationQuery(
                        query.search(),
                        query.needsAttentionOnly(),
                        query.profileComplete(),
                        query.mode(),
                        query.windowOpen(),
                        query.now(),
                        ConversationQuery.MAX_LIMIT,
                        0);
                return (int) queries.list(all).stream()
                        .filter(s -> !erased.contains(s.id()))
                        .count();
            }

            @Override
            public void markSeen(ConversationId id) {
                queries.markSeen(id);
            }

            @Override
            public Optional<Conversation> byId(ConversationId id) {
                return erased.contains(id) ? Optional.empty() : queries.byId(id);
            }

            @Override
            public ProfileSchema schema() {
                return queries.schema();
            }
        };
    }
}

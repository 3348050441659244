package sportello.ports.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sportello.domain.business.BusinessHours;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.Mode;
import sportello.domain.profile.FieldUpdate;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.AgentTools;

/**
 * The tools of one agent turn, acting on that turn's conversation: profile values go through the domain's rules
 * with the customer's message as provenance, and a handoff switches the conversation to staff. The use case
 * stores the result once the turn is over.
 */
final class TurnTools implements AgentTools {

    static final String HANDOFF = "Handoff requested";

    private final ProfileSchema schema;
    private final String sourceMessageId;
    private final Instant now;
    private final BusinessHours hours;
    private Conversation conversation;
    private boolean handedOff;

    TurnTools(Conversation conversation, ProfileSchema schema, String sourceMessageId, Instant now) {
        this(conversation, schema, sourceMessageId, now, BusinessHours.UNKNOWN);
    }

    TurnTools(
            Conversation conversation, ProfileSchema schema, String sourceMessageId, Instant now, BusinessHours hours) {
        this.hours = hours;
        this.conversation = conversation;
        this.schema = schema;
        this.sourceMessageId = sourceMessageId;
        this.now = now;
    }

    @Override
    public synchronized ToolResult saveProfile(Map<String, String> values) {
        var stored = new ArrayList<String>();
        var rejected = new LinkedHashMap<String, String>();
        var profile = conversation.profile();
        for (var entry : values.entrySet()) {
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                continue;
            }
            var offer = profile.offer(schema, entry.getKey(), entry.getValue(), sourceMessageId, now);
            switch (offer.update()) {
                case FieldUpdate.Stored stored1 -> stored.add(entry.getKey());
                case FieldUpdate.Unchanged unchanged -> stored.add(entry.getKey());
                case FieldUpdate.Rejected(var field, var offered, var reason) -> rejected.put(field, reason);
            }
            profile = offer.profile();
        }
        conversation = conversation.withProfile(profile);
        var missing = profile.missing(schema);
        String summary = "saved: " + (stored.isEmpty() ? "nothing" : String.join(", ", stored))
                + (rejected.isEmpty() ? "" : "; rejected: " + rejected)
                + "; still missing: " + (missing.isEmpty() ? "nothing" : String.join(", ", missing));
        return new ToolResult(rejected.isEmpty(), summary);
    }

    @Override
    public synchronized ToolResult requestHandoff(String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        conversation = conversation.withMode(Mode.HUMAN).flagForStaff(HANDOFF + ": " + why, now);
        handedOff = true;
        var closed = openingHoursWhileClosed();
        return new ToolResult(
                true,
                closed.map(h -> "handed over to staff; the business is closed now (opening hours: " + h
                                + "): tell the customer a person will follow up when it opens, and give the"
                                + " opening hours")
                        .orElse("handed over to staff; tell the customer a person will follow up"));
    }

    @Override
    public Optional<String> openingHoursWhileClosed() {
        return hours.closedAt(now).map(Object::toString);
    }

    synchronized Conversation conversation() {
        return conversation;
    }

    synchronized boolean handedOff() {
        return handedOff;
    }
}

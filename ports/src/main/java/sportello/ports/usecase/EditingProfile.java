package sportello.ports.usecase;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.CustomerProfile;
import sportello.domain.profile.FieldUpdate;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;
import sportello.ports.in.EditProfile;
import sportello.ports.in.UnknownConversation;
import sportello.ports.out.ConversationEvents;
import sportello.ports.out.Conversations;

/** Applies a staff edit all or nothing: every value passes the same rules as extracted ones, or nothing changes. */
public final class EditingProfile implements EditProfile {

    /** The provenance of values typed by staff. */
    public static final String STAFF_SOURCE = "staff";

    private final Conversations conversations;
    private final ProfileSchema schema;
    private final InstantSource clock;
    private final ConversationEvents events;

    public EditingProfile(
            Conversations conversations, ProfileSchema schema, InstantSource clock, ConversationEvents events) {
        this.conversations = conversations;
        this.schema = schema;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Outcome edit(ConversationId id, Map<String, String> fields) {
        var conversation = conversations.byId(id).orElseThrow(() -> new UnknownConversation(id));
        var profile = conversation.profile();
        var errors = new LinkedHashMap<String, String>();
        var now = clock.instant();
        for (var field : fields.entrySet()) {
            if (schema.field(field.getKey()).isEmpty()) {
                errors.put(field.getKey(), "unknown profile field '" + field.getKey() + "'");
            } else if (field.getValue() == null || field.getValue().isBlank()) {
                profile = without(profile, field.getKey());
            } else {
                var offer = profile.offer(schema, field.getKey(), field.getValue(), STAFF_SOURCE, now);
                if (offer.update() instanceof FieldUpdate.Rejected(var name, var offered, var reason)) {
                    errors.put(name, reason);
                }
                profile = offer.profile();
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        var saved = conversation.withProfile(profile);
        conversations.save(saved);
        events.changed(id);
        return new Outcome.Saved(saved);
    }

    private static CustomerProfile without(CustomerProfile profile, String field) {
        var values = new LinkedHashMap<String, ProfileValue>(profile.values());
        values.remove(field);
        return new CustomerProfile(values);
    }
}

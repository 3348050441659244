package sportello.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sportello.domain.profile.CustomerProfile;
import sportello.domain.profile.FieldUpdate;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.AgentTools;

/**
 * Agent tools that check every value with the domain's rules, as the application's do, so an invalid e-mail is
 * refused with the domain's reason; they remember what they were asked and keep the resulting profile.
 */
final class CheckingAgentTools implements AgentTools {

    static final String HANDED_OVER = "handed over to staff; tell the customer a person will follow up";

    private final ProfileSchema schema;
    private CustomerProfile profile = CustomerProfile.EMPTY;
    private final List<Map<String, String>> saves = new ArrayList<>();
    private final List<String> handoffs = new ArrayList<>();

    CheckingAgentTools(ProfileSchema schema) {
        this.schema = schema;
    }

    @Override
    public synchronized ToolResult saveProfile(Map<String, String> values) {
        saves.add(Map.copyOf(values));
        var stored = new ArrayList<String>();
        var rejected = new LinkedHashMap<String, String>();
        for (var entry : values.entrySet()) {
            var offer = profile.offer(schema, entry.getKey(), entry.getValue(), "m1", TestConversations.START);
            switch (offer.update()) {
                case FieldUpdate.Stored s -> stored.add(entry.getKey());
                case FieldUpdate.Unchanged u -> stored.add(entry.getKey());
                case FieldUpdate.Rejected(var field, var offered, var reason) -> rejected.put(field, reason);
            }
            profile = offer.profile();
        }
        String summary = "saved: " + (stored.isEmpty() ? "nothing" : String.join(", ", stored))
                + (rejected.isEmpty() ? "" : "; rejected: " + rejected);
        return new ToolResult(rejected.isEmpty(), summary);
    }

    @Override
    public synchronized ToolResult requestHandoff(String reason) {
        handoffs.add(reason);
        return new ToolResult(true, HANDED_OVER);
    }

    synchronized CustomerProfile profile() {
        return profile;
    }

    synchronized List<Map<String, String>> saves() {
        return List.copyOf(saves);
    }

    synchronized List<String> handoffs() {
        return List.copyOf(handoffs);
    }
}

package sportello.ports.out;

import java.util.Map;
import java.util.Optional;

/**
 * What the agent may do besides answering, during its turn: store profile values (checked by the domain's rules,
 * so the model cannot store an invalid e-mail) and hand the conversation to staff. Each call returns a short
 * result the agent can read back.
 */
public interface AgentTools {

    ToolResult saveProfile(Map<String, String> values);

    ToolResult requestHandoff(String reason);

    /**
     * The opening hours when the business is closed right now, so a handoff can tell the customer when a person
     * will be back; empty when it is open or the hours are unknown.
     */
    default Optional<String> openingHoursWhileClosed() {
        return Optional.empty();
    }

    /** {@code ok} when everything offered was accepted; {@code summary} says what was stored or refused and why. */
    record ToolResult(boolean ok, String summary) {}
}

package sportello.ports.out;

import java.util.Map;

/**
 * What the agent may do besides answering, during its turn: store profile values (checked by the domain's rules,
 * so the model cannot store an invalid e-mail) and hand the conversation to staff. Each call returns a short
 * result the agent can read back.
 */
public interface AgentTools {

    ToolResult saveProfile(Map<String, String> values);

    ToolResult requestHandoff(String reason);

    /** {@code ok} when everything offered was accepted; {@code summary} says what was stored or refused and why. */
    record ToolResult(boolean ok, String summary) {}
}

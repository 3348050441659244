package sportello.ports.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sportello.ports.out.AgentTools;

/** Agent tools that accept everything and remember what the agent asked for. */
public final class RecordingAgentTools implements AgentTools {

    private final List<Map<String, String>> profileSaves = new ArrayList<>();
    private final List<String> handoffs = new ArrayList<>();
    private String closedWithHours;

    /** The business is closed now, with these opening hours. */
    public synchronized RecordingAgentTools closedNow(String openingHours) {
        closedWithHours = openingHours;
        return this;
    }

    @Override
    public synchronized java.util.Optional<String> openingHoursWhileClosed() {
        return java.util.Optional.ofNullable(closedWithHours);
    }

    @Override
    public synchronized ToolResult saveProfile(Map<String, String> values) {
        profileSaves.add(Map.copyOf(values));
        return new ToolResult(true, "saved: " + String.join(", ", values.keySet()));
    }

    @Override
    public synchronized ToolResult requestHandoff(String reason) {
        handoffs.add(reason);
        return new ToolResult(true, "handed over to staff");
    }

    public synchronized List<Map<String, String>> profileSaves() {
        return List.copyOf(profileSaves);
    }

    public synchronized List<String> handoffs() {
        return List.copyOf(handoffs);
    }
}

package sportello.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.profile.FieldDefinition;
import sportello.domain.profile.ProfileSchema;
import sportello.openai.wire.FunctionCall;
import sportello.openai.wire.Turn;
import sportello.ports.out.AgentTools;
import sportello.ports.out.AgentTools.ToolResult;

/**
 * The functions the model may call, described for OpenAI with strict schemas (reference §5.1) and carried out
 * through {@link AgentTools}, which checks every value with the domain's rules. The tool list is the same on
 * every request of a business, in the same order, so the cached prompt prefix survives.
 */
final class Toolbox {

    static final String SAVE_PROFILE = "save_customer_profile";
    static final String HANDOFF = "request_human_handoff";
    static final int FILE_SEARCH_RESULTS = 4;

    private static final Logger log = LoggerFactory.getLogger(Toolbox.class);

    /** Wire name → profile field; the wire names are the reference's, fixed by the fixtures. */
    private static final Map<String, String> BUILT_IN = builtIn();

    private static final List<Turn.Parameter> BUILT_IN_PARAMETERS = List.of(
            new Turn.Parameter("name", "Full name as written by the customer", true),
            new Turn.Parameter("email", "Email address", true),
            new Turn.Parameter("phone", "Phone number, E.164 if possible, e.g. +393471234567", true),
            new Turn.Parameter("order_number", "Order number as written by the customer, e.g. CB-20417", true));

    private static final Turn.Tool HANDOFF_TOOL = new Turn.Tool.Function(
            HANDOFF,
            "Pass the chat to a member of staff when the customer asks for a person or the request cannot be"
                    + " handled in chat.",
            List.of(new Turn.Parameter("reason", "Short reason for staff, in the customer's language", false)));

    /** Its own plain mapper: outputs stay compact whatever the application's mapper is set up to do. */
    private final ObjectMapper json = new ObjectMapper();

    private final String vectorStoreId;

    /** {@code vectorStoreId} null: no {@code file_search}. */
    Toolbox(String vectorStoreId) {
        this.vectorStoreId = vectorStoreId;
    }

    /** Profile saving, handoff, then the document search if configured. */
    List<Turn.Tool> tools(ProfileSchema schema) {
        List<Turn.Tool> tools = new ArrayList<>();
        tools.add(saveProfileTool(schema));
        tools.add(HANDOFF_TOOL);
        if (vectorStoreId != null) {
            tools.add(new Turn.Tool.FileSearch(vectorStoreId, FILE_SEARCH_RESULTS));
        }
        return List.copyOf(tools);
    }

    /**
     * The built-in four, then one nullable property per custom field of the schema, in schema order: the same
     * schema always gives the same tool, byte for byte.
     */
    private static Turn.Tool saveProfileTool(ProfileSchema schema) {
        List<Turn.Parameter> parameters = new ArrayList<>(BUILT_IN_PARAMETERS);
        for (FieldDefinition field : customFields(schema)) {
            parameters.add(new Turn.Parameter(field.name(), field.label() + ", as stated by the customer", true));
        }
        return new Turn.Tool.Function(
                SAVE_PROFILE,
                "Store details the customer stated in this chat. Use null for anything the customer has not given.",
                parameters);
    }

    /**
     * Fields beyond the built-in four. A custom field named like a built-in wire name ({@code order_number})
     * would give the schema a duplicate property, so it is left out.
     */
    private static List<FieldDefinition> customFields(ProfileSchema schema) {
        return schema.fields().stream()
                .filter(field -> !BUILT_IN.containsValue(field.name()))
                .filter(field -> !BUILT_IN.containsKey(field.name()))
                .toList();
    }

    /** Runs one call and returns its output for the model: compact JSON {@code {"ok":…,"result":"…"}}. */
    String run(FunctionCall call, ProfileSchema schema, AgentTools tools) {
        JsonNode arguments;
        try {
            arguments = json.readTree(call.arguments());
        } catch (JsonProcessingException e) {
            arguments = null;
        }
        if (arguments == null || !arguments.isObject()) {
            log.warn("The model called {} with arguments that are not a JSON object", call.name());
            return output(new ToolResult(false, "the arguments were not a JSON object; nothing was done"));
        }
        ToolResult result;
        try {
            result = switch (call.name()) {
                case SAVE_PROFILE -> saveProfile(arguments, schema, tools);
                case HANDOFF -> tools.requestHandoff(text(arguments.get("reason")));
                default -> new ToolResult(false, "there is no tool called '" + call.name() + "'");
            };
        } catch (RuntimeException e) {
            // the model gets to know and can tell the customer; the turn itself goes on
            log.warn("Tool {} failed", call.name(), e);
            result = new ToolResult(false, "the tool failed: " + e.getClass().getSimpleName());
        }
        log.debug("Tool {} ({}): {}", call.name(), call.callId(), result);
        return output(result);
    }

    private static ToolResult saveProfile(JsonNode arguments, ProfileSchema schema, AgentTools tools) {
        Map<String, String> values = new LinkedHashMap<>();
        BUILT_IN.forEach((wire, field) -> putIfGiven(values, field, arguments.get(wire)));
        customFields(schema).forEach(field -> putIfGiven(values, field.name(), arguments.get(field.name())));
        if (values.isEmpty()) {
            return new ToolResult(true, "nothing to save: every value was null");
        }
        return tools.saveProfile(values);
    }

    private static void putIfGiven(Map<String, String> values, String field, JsonNode value) {
        String text = text(value);
        if (text != null && !text.isBlank()) {
            values.put(field, text.strip());
        }
    }

    /** Strict schemas promise strings, but a number from a lenient server is still the customer's order. */
    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private String output(ToolResult result) {
        var node = json.createObjectNode();
        node.put("ok", result.ok());
        node.put("result", result.summary() == null ? "" : result.summary());
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a tool output", e);
        }
    }

    private static Map<String, String> builtIn() {
        var names = new LinkedHashMap<String, String>();
        names.put("name", ProfileSchema.NAME);
        names.put("email", ProfileSchema.EMAIL);
        names.put("phone", ProfileSchema.PHONE);
        names.put("order_number", ProfileSchema.ORDER_NUMBER);
        return Collections.unmodifiableMap(names);
    }
}

package sportello.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;

/** Response bodies built for one test, in the fixtures' shape: completed, with usage and a dated model. */
final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    static ObjectNode completed(JsonNode... items) {
        ObjectNode response = JSON.createObjectNode();
        response.put("id", "resp_test");
        response.put("object", "response");
        response.put("status", "completed");
        response.put("model", "gpt-4.1-mini-2025-04-14");
        ArrayNode output = response.putArray("output");
        for (JsonNode item : items) {
            output.add(item);
        }
        ObjectNode usage = response.putObject("usage");
        usage.put("input_tokens", 1000);
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", 20);
        return response;
    }

    static ObjectNode functionCall(String callId, String name, String arguments) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", "fc_" + callId);
        item.put("type", "function_call");
        item.put("status", "completed");
        item.put("arguments", arguments);
        item.put("call_id", callId);
        item.put("name", name);
        return item;
    }

    static ObjectNode message(String text) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", "msg_test");
        item.put("type", "message");
        item.put("status", "completed");
        item.put("role", "assistant");
        ObjectNode part = item.putArray("content").addObject();
        part.put("type", "output_text");
        part.putArray("annotations");
        part.put("text", text);
        return item;
    }

    static MockResponse ok(JsonNode response) {
        return Fixtures.json(200, response.toString()).build();
    }
}

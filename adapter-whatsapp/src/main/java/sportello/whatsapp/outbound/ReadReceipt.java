package sportello.whatsapp.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body that marks a customer's message read and shows the typing indicator while a reply is prepared. */
record ReadReceipt(String messageId) {

    ObjectNode json(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("messaging_product", "whatsapp");
        json.put("status", "read");
        json.put("message_id", messageId);
        json.putObject("typing_indicator").put("type", "text");
        return json;
    }
}

package sportello.whatsapp.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sportello.domain.customer.Customer;

/**
 * The body of a text send. Built as a tree, not serialised from annotations, so the wire format does not depend on
 * how the application configured its shared ObjectMapper.
 */
record TextMessage(String phone, String userId, String body, String callbackData) {

    static TextMessage to(Customer customer, String body, String callbackData) {
        return new TextMessage(customer.phone(), customer.userId(), body, callbackData);
    }

    ObjectNode json(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("messaging_product", "whatsapp");
        json.put("recipient_type", "individual");
        // With both, Meta lets "to" win; sending only one keeps the request unambiguous.
        if (phone != null) {
            json.put("to", phone);
        } else {
            json.put("recipient", userId);
        }
        json.put("type", "text");
        ObjectNode text = json.putObject("text");
        text.put("preview_url", false);
        text.put("body", body);
        if (callbackData != null) {
            json.put("biz_opaque_callback_data", callbackData);
        }
        return json;
    }
}

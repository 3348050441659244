package sportello.whatsapp.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sportello.domain.customer.Customer;

/**
 * The body of a text send. Built as a tree, not serialised from annotations, so the wire format does not depend on
 * how the application configured its shared ObjectMapper.
 */
record TextMessage(Recipient recipient, String body, String callbackData) {

    static TextMessage to(Customer customer, String body, String callbackData) {
        return new TextMessage(Recipient.of(customer), body, callbackData);
    }

    ObjectNode json(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("messaging_product", "whatsapp");
        recipient.addTo(json);
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

package sportello.whatsapp.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;

/**
 * The body of a template send (reference §9): name, language and the body's values in order. {@code parameterNames}
 * is empty for numbered placeholders; for a named-parameter template it holds one name per value, which Meta needs
 * as {@code parameter_name} to match each value to its placeholder.
 */
record TemplateRequest(
        Recipient recipient, TemplateMessage template, List<String> parameterNames, String callbackData) {

    TemplateRequest {
        parameterNames = List.copyOf(parameterNames);
        if (!parameterNames.isEmpty()
                && parameterNames.size() != template.parameters().size()) {
            throw new IllegalArgumentException("parameterNames must name every value or none");
        }
    }

    static TemplateRequest to(
            Customer customer, TemplateMessage template, List<String> parameterNames, String callbackData) {
        return new TemplateRequest(Recipient.of(customer), template, parameterNames, callbackData);
    }

    ObjectNode json(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("messaging_product", "whatsapp");
        recipient.addTo(json);
        json.put("type", "template");
        ObjectNode body = json.putObject("template");
        body.put("name", template.name());
        body.putObject("language").put("code", template.language());
        List<String> values = template.parameters();
        // As in Meta's samples, a template without values is sent without components.
        if (!values.isEmpty()) {
            ArrayNode parameters =
                    body.putArray("components").addObject().put("type", "body").putArray("parameters");
            for (int i = 0; i < values.size(); i++) {
                ObjectNode parameter = parameters.addObject().put("type", "text");
                if (!parameterNames.isEmpty()) {
                    parameter.put("parameter_name", parameterNames.get(i));
                }
                parameter.put("text", values.get(i));
            }
        }
        if (callbackData != null) {
            json.put("biz_opaque_callback_data", callbackData);
        }
        return json;
    }
}

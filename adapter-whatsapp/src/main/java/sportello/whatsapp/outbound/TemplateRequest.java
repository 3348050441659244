package sportello.whatsapp.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import sportello.domain.conversation.TemplateButton;
import sportello.domain.conversation.TemplateHeader;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;

/**
 * The body of a template send (reference §9): name, language, the header's value, the body's values in order and
 * the buttons' values, each component only when it has a value. {@code parameterNames}
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
        // As in Meta's samples, a template without values is sent without components.
        if (!template.parameters().isEmpty()
                || template.header() != null
                || !template.buttons().isEmpty()) {
            ArrayNode components = body.putArray("components");
            template.headerValue().ifPresent(header -> addHeader(components, header));
            addBody(components);
            template.buttons().forEach(button -> addButton(components, button));
        }
        if (callbackData != null) {
            json.put("biz_opaque_callback_data", callbackData);
        }
        return json;
    }

    private static void addHeader(ArrayNode components, TemplateHeader header) {
        ObjectNode parameter = components
                .addObject()
                .put("type", "header")
                .putArray("parameters")
                .addObject();
        if (header.format() == TemplateHeader.Format.TEXT) {
            parameter.put("type", "text").put("text", header.value());
            return;
        }
        String type = header.format().name().toLowerCase(Locale.ROOT);
        parameter.put("type", type).putObject(type).put(header.isMediaId() ? "id" : "link", header.value());
    }

    private void addBody(ArrayNode components) {
        List<String> values = template.parameters();
        if (values.isEmpty()) {
            return;
        }
        ArrayNode parameters = components.addObject().put("type", "body").putArray("parameters");
        for (int i = 0; i < values.size(); i++) {
            ObjectNode parameter = parameters.addObject().put("type", "text");
            if (!parameterNames.isEmpty()) {
                parameter.put("parameter_name", parameterNames.get(i));
            }
            parameter.put("text", values.get(i));
        }
    }

    private static void addButton(ArrayNode components, TemplateButton button) {
        boolean url = button.kind() == TemplateButton.Kind.URL;
        ObjectNode component = components
                .addObject()
                .put("type", "button")
                .put("sub_type", url ? "url" : "quick_reply")
                .put("index", Integer.toString(button.index()));
        ObjectNode parameter = component.putArray("parameters").addObject();
        if (url) {
            parameter.put("type", "text").put("text", button.value());
        } else {
            parameter.put("type", "payload").put("payload", button.value());
        }
    }
}

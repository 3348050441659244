package sportello.whatsapp.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the elements of one {@code changes[].value} share: the business number it concerns (null when Meta left it
 * out), the {@code contacts} that name the senders, and where it sits in the delivery, for notices.
 */
record ChangeValue(String phoneNumberId, List<JsonNode> contacts, String where) {}

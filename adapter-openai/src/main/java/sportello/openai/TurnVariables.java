package sportello.openai;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import sportello.domain.conversation.Conversation;
import sportello.domain.profile.FieldDefinition;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;

/** The values a template is rendered with on one turn; the same map fills a stored prompt's variables. */
final class TurnVariables {

    static final String BUSINESS_NAME = "business_name";
    static final String CUSTOMER_NAME = "customer_name";
    static final String KNOWN_PROFILE = "known_profile";
    static final String MISSING_FIELDS = "missing_fields";
    static final String TODAY = "today";
    static final String CUSTOMER_LANGUAGE = "customer_language";
    static final String WINDOW_CLOSING = "window_closing";

    /** When less than this is left of the 24-hour window, the agent should get what it needs now. */
    static final java.time.Duration WINDOW_WARNING = java.time.Duration.ofHours(2);

    static final String UNKNOWN = "unknown";
    static final String NONE = "none";

    private static final DateTimeFormatter TODAY_FORMAT =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /**
     * Customer-supplied text ends up inside the instructions; one line and a length cap keep a crafted name or
     * field from posing as extra instructions.
     */
    private static final int MAX_VALUE_LENGTH = 120;

    private TurnVariables() {}

    static Map<String, String> of(
            Conversation conversation, ProfileSchema schema, Instant now, String businessName, ZoneId zone) {
        var variables = new LinkedHashMap<String, String>();
        variables.put(BUSINESS_NAME, businessName);
        variables.put(CUSTOMER_NAME, customerName(conversation));
        variables.put(KNOWN_PROFILE, knownProfile(conversation, schema));
        variables.put(MISSING_FIELDS, missingFields(conversation, schema));
        variables.put(TODAY, TODAY_FORMAT.format(now.atZone(zone)) + " (" + zone.getId() + ")");
        variables.put(CUSTOMER_LANGUAGE, customerLanguage(conversation));
        variables.put(WINDOW_CLOSING, windowClosing(conversation, now, zone));
        return Collections.unmodifiableMap(variables);
    }

    private static String customerLanguage(Conversation conversation) {
        return conversation.messages().stream()
                .filter(m -> m.direction() == sportello.domain.conversation.Direction.IN
                        && !m.text().isBlank())
                .reduce((first, second) -> second)
                .map(m -> sportello.openai.offline.CustomerLanguage.of(m.text())
                                == sportello.openai.offline.CustomerLanguage.ENGLISH
                        ? "English"
                        : "Italian")
                .orElse(UNKNOWN);
    }

    /** Outside the 24-hour window only templates can be sent, so a closing window changes what to ask now. */
    private static String windowClosing(Conversation conversation, Instant now, ZoneId zone) {
        return conversation
                .serviceWindow()
                .filter(window ->
                        window.isOpenAt(now) && window.remainingAt(now).compareTo(WINDOW_WARNING) < 0)
                .map(window -> "yes, at "
                        + DateTimeFormatter.ofPattern("HH:mm")
                                .format(window.closesAt().atZone(zone))
                        + ": after that we cannot write to the customer until they write again, so ask now for"
                        + " anything still needed")
                .orElse("no");
    }

    /** The name the customer gave wins over the channel's display name, which is often a nickname. */
    private static String customerName(Conversation conversation) {
        return conversation
                .profile()
                .value(ProfileSchema.NAME)
                .map(ProfileValue::value)
                .or(() -> conversation.customer().displayNameValue())
                .map(TurnVariables::oneLine)
                .orElse(UNKNOWN);
    }

    /** Schema fields first, in schema order; values of fields the schema no longer has follow by name. */
    private static String knownProfile(Conversation conversation, ProfileSchema schema) {
        var values = new TreeMap<>(conversation.profile().values());
        List<String> parts = new ArrayList<>();
        for (FieldDefinition field : schema.fields()) {
            ProfileValue value = values.remove(field.name());
            if (value != null) {
                parts.add(field.name() + ": " + oneLine(value.value()));
            }
        }
        values.forEach((name, value) -> parts.add(name + ": " + oneLine(value.value())));
        return parts.isEmpty() ? NONE : String.join("; ", parts);
    }

    private static String missingFields(Conversation conversation, ProfileSchema schema) {
        List<String> missing = conversation.profile().missing(schema);
        return missing.isEmpty() ? NONE : String.join(", ", missing);
    }

    private static String oneLine(String value) {
        String flat = value.replaceAll("\\p{Cntrl}+", " ").strip();
        return flat.length() <= MAX_VALUE_LENGTH ? flat : flat.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}

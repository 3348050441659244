package sportello.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.Message;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;
import sportello.ports.out.CustomerRecords.CustomerExport;
import sportello.ports.out.Usage;

/**
 * {@code customer.json} of a GDPR export: everything stored about one customer, in words a person can read.
 * Times are ISO-8601 strings in UTC whatever the mapper's settings; field names are product interface, keep them.
 */
record CustomerExportJson(
        String exportedAt,
        String conversationId,
        CustomerJson customer,
        String mode,
        Map<String, ProfileJson> profile,
        AttentionJson attention,
        List<MessageJson> messages,
        List<UsageJson> modelUsage,
        List<JsonNode> rawChannelPayloads) {

    /** The channel's ids for the customer, the number and the name: the profile's if known, else WhatsApp's. */
    record CustomerJson(String userId, String phone, String whatsappName, String name) {}

    /** A profile value and where it came from: the id of the customer's message, or "staff". */
    record ProfileJson(String value, String source, String recordedAt) {}

    record AttentionJson(String reason, String since) {}

    record MessageJson(
            String id,
            String channelMessageId,
            String direction,
            String author,
            String kind,
            String text,
            String status,
            String failureReason,
            String at,
            @JsonInclude(JsonInclude.Include.NON_NULL) MediaJson media) {}

    /** The file that came with a message; {@code file} is its path in the zip, null when it is no longer stored. */
    record MediaJson(String mediaId, String mimeType, String fileName, String file) {}

    record UsageJson(
            String model, long inputTokens, long cachedTokens, long outputTokens, BigDecimal costUsd, String at) {}

    /** {@code files}: the path in the zip of each file included, by media id. */
    static CustomerExportJson of(CustomerExport export, Instant now, ObjectMapper json, Map<String, String> files) {
        Conversation c = export.conversation();
        var customer = c.customer();
        var profile = new LinkedHashMap<String, ProfileJson>();
        c.profile().values().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> profile.put(e.getKey(), profile(e.getValue())));
        String name =
                c.profile().value(ProfileSchema.NAME).map(ProfileValue::value).orElse(customer.displayName());
        return new CustomerExportJson(
                now.toString(),
                c.id().value(),
                new CustomerJson(customer.userId(), customer.phone(), customer.displayName(), name),
                c.mode().name(),
                profile,
                c.attention().isNeeded()
                        ? new AttentionJson(
                                c.attention().reason(), time(c.attention().since()))
                        : null,
                c.messages().stream().map(m -> message(m, files)).toList(),
                export.usage().stream().map(CustomerExportJson::usage).toList(),
                export.rawMessages().stream().map(raw -> payload(raw, json)).toList());
    }

    private static ProfileJson profile(ProfileValue v) {
        return new ProfileJson(v.value(), v.source(), time(v.recordedAt()));
    }

    private static MessageJson message(Message m, Map<String, String> files) {
        return new MessageJson(
                m.id(),
                m.channelMessageId(),
                lower(m.direction()),
                lower(m.author()),
                lower(m.kind()),
                m.text(),
                lower(m.delivery().state()),
                m.delivery().failureReason(),
                time(m.at()),
                m.attachmentValue().map(a -> media(a, files)).orElse(null));
    }

    private static MediaJson media(Attachment a, Map<String, String> files) {
        return new MediaJson(a.mediaId(), a.mimeType(), a.fileName(), files.get(a.mediaId()));
    }

    private static UsageJson usage(Usage u) {
        return new UsageJson(u.model(), u.inputTokens(), u.cachedTokens(), u.outputTokens(), u.costUsd(), time(u.at()));
    }

    /** The payload as the channel sent it: as JSON when it is JSON, else as a string. */
    private static JsonNode payload(String raw, ObjectMapper json) {
        if (raw == null) {
            return TextNode.valueOf("");
        }
        try {
            JsonNode node = json.readTree(raw);
            return node == null || node.isMissingNode() ? TextNode.valueOf(raw) : node;
        } catch (Exception e) {
            return TextNode.valueOf(raw);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}

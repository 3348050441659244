package sportello.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import sportello.ports.in.ViewMedia;
import sportello.ports.out.ConversationSummary;

/** The JSON shapes of the conversation API; the field names are product interface, keep them. */
final class ConversationJson {

    private ConversationJson() {}

    record Summary(
            String id,
            String waId,
            String userId,
            String name,
            String mode,
            Instant lastMessageAt,
            String lastMessage,
            boolean profileComplete,
            boolean needsAttention,
            int unread,
            boolean windowOpen,
            String attentionReason) {

        static Summary of(ConversationSummary s, Instant now) {
            return new Summary(
                    s.id().value(),
                    s.customer().phone(),
                    s.customer().userId(),
                    s.name() != null ? s.name() : s.customer().displayName(),
                    s.mode().name(),
                    s.lastMessageAt(),
                    s.lastMessage(),
                    s.profileComplete(),
                    s.needsAttention(),
                    s.unread(),
                    ConversationJson.windowOpen(s, now),
                    s.attentionReason());
        }
    }

    /** Free-form replies are possible for 24 hours after the customer's last message, unless WhatsApp said no. */
    static boolean windowOpen(ConversationSummary s, Instant now) {
        return s.serviceWindow().map(w -> w.isOpenAt(now)).orElse(false);
    }

    record Detail(
            String id,
            String waId,
            String userId,
            String name,
            String mode,
            Profile profile,
            List<MessageJson> messages,
            Attention attention,
            Instant serviceWindowClosesAt) {

        static Detail of(Conversation c, ProfileSchema schema, ViewMedia media) {
            var name = c.profile()
                    .value(ProfileSchema.NAME)
                    .map(ProfileValue::value)
                    .orElse(c.customer().displayName());
            return new Detail(
                    c.id().value(),
                    c.customer().phone(),
                    c.customer().userId(),
                    name,
                    c.mode().name(),
                    Profile.of(c, schema),
                    c.messages().stream().map(m -> MessageJson.of(m, media)).toList(),
                    c.attention().isNeeded()
                            ? new Attention(
                                    c.attention().reason(), c.attention().since())
                            : null,
                    c.serviceWindow().map(w -> w.closesAt()).orElse(null));
        }
    }

    record Profile(Map<String, String> fields, boolean complete, List<String> missing, Map<String, Source> sources) {

        static Profile of(Conversation c, ProfileSchema schema) {
            var fields = new LinkedHashMap<String, String>();
            var sources = new LinkedHashMap<String, Source>();
            for (var field : schema.fields()) {
                var value = c.profile().value(field.name());
                fields.put(field.name(), value.map(ProfileValue::value).orElse(null));
                value.ifPresent(v -> sources.put(field.name(), new Source(v.source(), v.recordedAt())));
            }
            return new Profile(
                    fields, c.profile().isComplete(schema), c.profile().missing(schema), sources);
        }
    }

    record Source(String messageId, Instant at) {}

    record Attention(String reason, Instant since) {}

    record MessageJson(
            String id,
            String direction,
            String author,
            String kind,
            String text,
            String status,
            String failureReason,
            Instant at,
            @JsonInclude(JsonInclude.Include.NON_NULL) MediaJson media) {

        static MessageJson of(Message m, ViewMedia media) {
            return new MessageJson(
                    m.id(),
                    m.direction().name().toLowerCase(Locale.ROOT),
                    m.author().name().toLowerCase(Locale.ROOT),
                    m.kind().name().toLowerCase(Locale.ROOT),
                    m.text(),
                    m.delivery().state().name().toLowerCase(Locale.ROOT),
                    m.delivery().failureReason(),
                    m.at(),
                    m.attachmentValue().map(a -> MediaJson.of(a, media)).orElse(null));
        }
    }

    /**
     * The file that came with a message; {@code stored} says whether {@code url} serves it (it may never have been
     * downloaded, or retention deleted it), and only then are {@code size} and {@code sha256} known.
     */
    record MediaJson(
            String id, String mimeType, String fileName, String url, boolean stored, Long size, String sha256) {

        static MediaJson of(Attachment a, ViewMedia media) {
            var stored = media.find(a.mediaId());
            return new MediaJson(
                    a.mediaId(),
                    a.mimeType(),
                    a.fileName(),
                    MediaApi.url(a.mediaId()),
                    stored.isPresent(),
                    stored.map(s -> s.size()).orElse(null),
                    stored.map(s -> s.sha256()).orElse(null));
        }
    }
}

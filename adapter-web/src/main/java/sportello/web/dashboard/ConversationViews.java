package sportello.web.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.ServiceWindow;
import sportello.domain.customer.Customer;
import sportello.domain.profile.FieldDefinition;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.in.ViewMedia;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.StoredMedia;
import sportello.ports.usecase.EditingProfile;
import sportello.web.api.MediaApi;
import sportello.web.media.FileNames;
import sportello.web.media.MediaDisplay;

/** Turns conversations into what the templates show, every text formatted in the page's language. */
final class ConversationViews {

    private static final int LAST_MESSAGE_CHARS = 140;
    private static final int QUOTE_CHARS = 200;
    private static final Set<MessageKind> MEDIA = EnumSet.of(
            MessageKind.IMAGE, MessageKind.AUDIO, MessageKind.VIDEO, MessageKind.DOCUMENT, MessageKind.STICKER);

    private final Texts t;
    private final Formats formats;
    private final Instant now;
    private final ViewMedia media;

    ConversationViews(Texts t, Formats formats, Instant now, ViewMedia media) {
        this.t = t;
        this.formats = formats;
        this.now = now;
        this.media = media;
    }

    ConversationList.Row row(ConversationSummary s) {
        String number = number(s.customer());
        return new ConversationList.Row(
                s.id().value(),
                Urls.conversation(s.id().value()),
                firstNonBlank(s.name(), s.customer().displayName(), number),
                number,
                shorten(s.lastMessage(), LAST_MESSAGE_CHARS),
                formats.when(s.lastMessageAt()),
                formats.exactly(s.lastMessageAt()),
                s.lastMessageAt() == null ? null : s.lastMessageAt().toString(),
                s.mode().name().toLowerCase(Locale.ROOT),
                t.get("mode." + s.mode().name()),
                s.profileComplete(),
                window(s.serviceWindow()),
                s.unread(),
                s.needsAttention() ? firstNonBlank(s.attentionReason(), t.get("attention.noReason")) : null);
    }

    ConversationLive live(Conversation c, ProfileSchema schema, String csrfToken) {
        var customer = c.customer();
        String profileName =
                c.profile().value(ProfileSchema.NAME).map(v -> v.value()).orElse(null);
        String number = number(customer);
        String shown = c.lastInboundAt().map(Instant::toString).orElse("");
        var attention = c.attention();
        return new ConversationLive(
                t,
                c.id().value(),
                Urls.conversation(c.id().value()) + "/live?shown=" + shown,
                csrfToken,
                firstNonBlank(profileName, customer.displayName(), number),
                customer.phone() == null ? "" : "+" + customer.phone(),
                customer.userId() == null ? "" : customer.userId(),
                c.mode().name(),
                t.get("mode." + c.mode().name()),
                c.profile().isComplete(schema),
                attention.isNeeded() ? attention.reason() : null,
                attention.isNeeded() ? formats.when(attention.since()) : null,
                window(c.serviceWindow()),
                c.messages().stream().map(this::message).toList());
    }

    Composer composer(Conversation c, String csrfToken, String text, String error, boolean sent) {
        boolean open = c.windowOpenAt(now);
        return new Composer(t, c.id().value(), csrfToken, open, text == null ? "" : text, error, sent, null);
    }

    /**
     * The profile form; {@code submitted} and {@code errors} are those of a refused edit, so the staff member sees
     * what they typed next to what was wrong with it.
     */
    ProfileForm profile(
            Conversation c,
            ProfileSchema schema,
            String csrfToken,
            Map<String, String> submitted,
            Map<String, String> errors,
            boolean saved) {
        var fields = new ArrayList<ProfileForm.Field>();
        for (FieldDefinition field : schema.fields()) {
            var value = c.profile().value(field.name());
            String shown = submitted.containsKey(field.name())
                    ? submitted.get(field.name())
                    : value.map(v -> v.value()).orElse("");
            String source = null;
            String href = null;
            String detail = null;
            if (value.isPresent()) {
                var v = value.get();
                if (EditingProfile.STAFF_SOURCE.equals(v.source())) {
                    source = t.format("profile.source.staff", formats.when(v.recordedAt()));
                } else {
                    var message = c.messages().stream()
                            .filter(m -> m.id().equals(v.source()))
                            .findFirst();
                    if (message.isPresent()) {
                        source = t.format(
                                "profile.source.message",
                                formats.when(message.get().at()));
                        href = "#msg-" + message.get().id();
                        detail = shorten(message.get().text(), QUOTE_CHARS);
                    } else {
                        source = t.format("profile.source.other", formats.when(v.recordedAt()));
                    }
                }
            }
            String error = errors.containsKey(field.name())
                    ? t.format("profile.invalid." + field.type().name(), errors.get(field.name()))
                    : null;
            fields.add(new ProfileForm.Field(
                    field.name(), label(field), field.required(), shown, source, href, detail, error));
        }
        String missing = c.profile().missing(schema).stream()
                .map(name -> schema.field(name).map(this::label).orElse(name))
                .collect(Collectors.joining(", "));
        return new ProfileForm(t, c.id().value(), csrfToken, fields, c.profile().isComplete(schema), missing, saved);
    }

    String label(FieldDefinition field) {
        return t.getOr("field." + field.name(), field.label());
    }

    Window window(Optional<ServiceWindow> window) {
        if (window.isEmpty()) {
            return new Window("none", 0, t.get("window.none"));
        }
        if (!window.get().isOpenAt(now)) {
            return new Window("closed", 0, t.get("window.closed"));
        }
        Duration left = window.get().remainingAt(now);
        return new Window("open", left.toSeconds(), t.format("window.open", formats.duration(left)));
    }

    private ConversationLive.MessageView message(Message m) {
        String kind = m.kind().name().toLowerCase(Locale.ROOT);
        String author = m.author().name().toLowerCase(Locale.ROOT);
        String ticks = null;
        String tickClass = null;
        String tickTitle = null;
        String failure = null;
        if (m.direction() == Direction.OUT) {
            var state = m.delivery().state();
            ticks = switch (state) {
                case PENDING -> "◷";
                case SENT -> "✓";
                case DELIVERED, READ, PLAYED -> "✓✓";
                case FAILED -> "⚠";
            };
            tickClass = switch (state) {
                case READ, PLAYED -> "read";
                default -> state.name().toLowerCase(Locale.ROOT);
            };
            tickTitle = t.get("delivery." + state.name());
            var reason = m.delivery().failureReason();
            if (state == DeliveryState.FAILED) {
                failure = t.format("delivery.failedBecause", reason == null ? t.get("delivery.noReason") : reason);
            } else if (reason != null) {
                failure = t.format("delivery.note", reason);
            }
        }
        var file = m.attachmentValue()
                .flatMap(a -> media.find(a.mediaId()).map(stored -> file(a, stored, m.text())))
                .orElse(null);
        boolean expectsFile = MEDIA.contains(m.kind()) || m.attachmentValue().isPresent();
        return new ConversationLive.MessageView(
                m.id(),
                m.direction().name().toLowerCase(Locale.ROOT),
                author,
                t.get("author." + m.author().name()),
                kind,
                m.kind() == MessageKind.TEXT ? null : t.get("kind." + m.kind().name()),
                expectsFile && file == null ? t.get("media.missing") : null,
                file,
                m.text(),
                formats.when(m.at()),
                formats.exactly(m.at()),
                m.at().toString(),
                ticks,
                tickClass,
                tickTitle,
                failure);
    }

    /**
     * A stored file as shown. The name is the safe one the download gets, never the raw name, which could hide its
     * real extension behind invisible characters.
     */
    private ConversationLive.MediaView file(Attachment a, StoredMedia stored, String caption) {
        return new ConversationLive.MediaView(
                MediaDisplay.of(stored.mimeType()),
                MediaApi.url(a.mediaId()),
                MediaApi.url(a.mediaId(), a.fileName()),
                FileNames.safe(a.fileName(), a.mediaId(), stored.mimeType()),
                caption.isBlank() ? t.get("media.imageAlt") : caption);
    }

    static String number(Customer customer) {
        return customer.phone() != null ? "+" + customer.phone() : customer.userId();
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.length() <= max) {
            return oneLine;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--; // never cut an emoji in half
        }
        return oneLine.substring(0, end) + "…";
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}

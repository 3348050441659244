package sportello.web.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;
import sportello.ports.in.ChangeMode;
import sportello.ports.in.EditProfile;
import sportello.ports.in.ManageCustomerData;
import sportello.ports.in.QueryConversations;
import sportello.ports.in.SendStaffReply;
import sportello.ports.in.UnknownConversation;
import sportello.web.access.AccessControl;
import sportello.web.api.BadRequest;

/**
 * One conversation: the page, its live part, the composer, and the things staff do there (reply, or send a
 * template once the 24-hour window has closed, take over or give back, correct the profile, erase the customer's
 * data). Every form works with htmx (the answer is the
 * partial to swap) and without it (the answer redirects back to the page).
 */
public final class ConversationRoutes {

    static final String CHANGED_EVENT = "conversation-changed";
    /** Typed instead of the customer's name to confirm an erasure, in either language. */
    static final List<String> ERASE_WORDS = List.of("ERASE", "CANCELLA");

    private static final String FIELD_PREFIX = "f_";

    private final QueryConversations queries;
    private final SendStaffReply staffReply;
    private final ChangeMode changeMode;
    private final EditProfile editProfile;
    private final ManageCustomerData customerData;
    private final TemplateComposer templates;
    private final Chrome chrome;

    ConversationRoutes(
            QueryConversations queries,
            SendStaffReply staffReply,
            ChangeMode changeMode,
            EditProfile editProfile,
            ManageCustomerData customerData,
            TemplateComposer templates,
            Chrome chrome) {
        this.queries = queries;
        this.staffReply = staffReply;
        this.changeMode = changeMode;
        this.editProfile = editProfile;
        this.customerData = customerData;
        this.templates = templates;
        this.chrome = chrome;
    }

    /**
     * Opening the page is reading it: the customer's messages are no longer unread. {@code ?template=} is the
     * template chosen in the picker when the browser runs no script.
     */
    public void page(Context ctx) {
        var id = id(ctx);
        queries.markSeen(id);
        var conversation = load(id);
        renderPage(
                ctx,
                conversation,
                composer(ctx, conversation, "", TemplateDraft.chosen(ctx.queryParam("template")), null, false),
                profileForm(ctx, conversation, Map.of(), Map.of(), false));
    }

    /**
     * The live part again, after a live event. When the page is in front of staff and shows a customer message
     * newer than the one it showed before, the conversation is marked seen. Marking it seen is itself an event,
     * but the next refresh shows nothing newer, so it ends there.
     */
    public void live(Context ctx) {
        var id = id(ctx);
        var conversation = load(id);
        var newest = conversation.lastInboundAt();
        if ("1".equals(ctx.queryParam("visible"))
                && newest.isPresent()
                && newest.get().isAfter(shown(ctx))) {
            queries.markSeen(id);
        }
        var t = chrome.texts(ctx);
        ctx.render(
                "partials/conversationLive.jte",
                Map.of("live", views(t).live(conversation, queries.schema(), csrf(ctx))));
    }

    /** The composer again: after the window closed, or with {@code ?template=} chosen in the picker. */
    public void composer(Context ctx) {
        var conversation = load(id(ctx));
        renderComposer(ctx, conversation, "", TemplateDraft.chosen(ctx.queryParam("template")), null, false);
    }

    public void reply(Context ctx) {
        var id = id(ctx);
        var conversation = load(id);
        var t = chrome.texts(ctx);
        String text = Objects.requireNonNullElse(ctx.formParam("text"), "");
        boolean open = conversation
                .serviceWindow()
                .map(w -> w.isOpenAt(chrome.clock().instant()))
                .orElse(false);
        String error = !open ? t.get("composer.windowClosed") : text.isBlank() ? t.get("composer.empty") : null;
        if (error != null) {
            if (!Htmx.isHtmx(ctx)) {
                throw new BadRequest(error);
            }
            renderComposer(ctx, conversation, text, TemplateDraft.NONE, error, false);
            return;
        }
        staffReply.send(id, text);
        if (!Htmx.isHtmx(ctx)) {
            ctx.redirect(pageUrl(id), HttpStatus.SEE_OTHER);
            return;
        }
        Htmx.trigger(ctx, CHANGED_EVENT);
        renderComposer(ctx, load(id), "", TemplateDraft.NONE, null, true);
    }

    /**
     * {@code POST …/template}: queues the template prepared in the picker. A refusal (an unknown template, a
     * missing value) shows in the picker with what staff typed, so nothing has to be typed again.
     */
    public void template(Context ctx) {
        var id = id(ctx);
        var conversation = load(id); // an unknown conversation is a 404, whatever the form says
        var draft = TemplateDraft.submitted(ctx);
        var refusal = templates.send(chrome.texts(ctx), id, draft);
        if (refusal.isPresent()) {
            if (!Htmx.isHtmx(ctx)) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                renderPage(
                        ctx,
                        conversation,
                        composer(ctx, conversation, "", draft, refusal.get(), false),
                        profileForm(ctx, conversation, Map.of(), Map.of(), false));
                return;
            }
            // htmx swaps only 2xx answers: the reason is in the picker, so this is still a 200
            renderComposer(ctx, conversation, "", draft, refusal.get(), false);
            return;
        }
        if (!Htmx.isHtmx(ctx)) {
            ctx.redirect(pageUrl(id), HttpStatus.SEE_OTHER);
            return;
        }
        Htmx.trigger(ctx, CHANGED_EVENT);
        renderComposer(ctx, load(id), "", TemplateDraft.NONE, null, true);
    }

    public void mode(Context ctx) {
        var id = id(ctx);
        Mode mode;
        try {
            mode = Mode.valueOf(
                    Objects.requireNonNullElse(ctx.formParam("mode"), "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("send mode=BOT or mode=HUMAN");
        }
        var changed = changeMode.change(id, mode);
        if (!Htmx.isHtmx(ctx)) {
            ctx.redirect(pageUrl(id), HttpStatus.SEE_OTHER);
            return;
        }
        var t = chrome.texts(ctx);
        ctx.render(
                "partials/conversationLive.jte", Map.of("live", views(t).live(changed, queries.schema(), csrf(ctx))));
    }

    /** Only the fields staff changed are sent to the use case, so untouched values keep their provenance. */
    public void profile(Context ctx) {
        var id = id(ctx);
        var conversation = load(id);
        var submitted = new LinkedHashMap<String, String>();
        var changes = new LinkedHashMap<String, String>();
        for (var field : queries.schema().fields()) {
            String given = ctx.formParam(FIELD_PREFIX + field.name());
            if (given == null) {
                continue;
            }
            given = given.strip();
            submitted.put(field.name(), given);
            String current = conversation
                    .profile()
                    .value(field.name())
                    .map(v -> v.value())
                    .orElse("");
            if (!given.equals(current)) {
                changes.put(field.name(), given);
            }
        }
        if (changes.isEmpty()) {
            respondProfile(ctx, conversation, Map.of(), Map.of(), true);
            return;
        }
        switch (editProfile.edit(id, changes)) {
            case EditProfile.Outcome.Saved(var saved) -> {
                if (!Htmx.isHtmx(ctx)) {
                    ctx.redirect(pageUrl(id), HttpStatus.SEE_OTHER);
                    return;
                }
                Htmx.trigger(ctx, CHANGED_EVENT);
                respondProfile(ctx, saved, Map.of(), Map.of(), true);
            }
            case EditProfile.Outcome.Invalid(var errors) -> respondProfile(ctx, conversation, submitted, errors, false);
        }
    }

    /** {@code GET …/erase}: what erasing means, and the field to confirm it in. */
    public void eraseForm(Context ctx) {
        renderErase(ctx, load(id(ctx)), "", null);
    }

    /**
     * {@code POST …/erase} with {@code confirm}: the customer's name as shown, or {@code ERASE} / {@code CANCELLA}
     * (any case). Anything else erases nothing and shows the form again; once erased, back to the list with a
     * notice. The use case records the staff member in the audit log.
     */
    public void erase(Context ctx) {
        var id = id(ctx);
        var conversation = load(id);
        String typed = Objects.requireNonNullElse(ctx.formParam("confirm"), "");
        if (!confirmsErasure(typed, shownName(ctx, conversation))) {
            String error = chrome.texts(ctx).get("erase.mismatch");
            if (Htmx.isHtmx(ctx)) {
                // htmx swaps only 2xx answers: the error is in the form, so this is still a 200
                ctx.render("partials/eraseForm.jte", Map.of("form", eraseForm(ctx, conversation, typed, error)));
                return;
            }
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderErase(ctx, conversation, typed, error);
            return;
        }
        customerData.erase(id, AccessControl.actor(ctx));
        if (Htmx.isHtmx(ctx)) {
            ctx.header("HX-Redirect", ConversationListRoutes.ERASED_URL);
            return;
        }
        ctx.redirect(ConversationListRoutes.ERASED_URL, HttpStatus.SEE_OTHER);
    }

    static boolean confirmsErasure(String typed, String name) {
        String given = normalized(typed);
        if (given.isEmpty()) {
            return false;
        }
        return ERASE_WORDS.stream().anyMatch(given::equalsIgnoreCase) || given.equalsIgnoreCase(normalized(name));
    }

    private static String normalized(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private String shownName(Context ctx, Conversation conversation) {
        return views(chrome.texts(ctx))
                .live(conversation, queries.schema(), csrf(ctx))
                .name();
    }

    private EraseForm eraseForm(Context ctx, Conversation conversation, String typed, String error) {
        return new EraseForm(
                chrome.texts(ctx), conversation.id().value(), shownName(ctx, conversation), csrf(ctx), typed, error);
    }

    private void renderErase(Context ctx, Conversation conversation, String typed, String error) {
        var t = chrome.texts(ctx);
        var form = eraseForm(ctx, conversation, typed, error);
        var layout = chrome.layout(
                ctx,
                t,
                t.format("erase.title", form.name()),
                "conversations",
                "erase",
                conversation.id().value());
        ctx.render("dashboard/erase.jte", Map.of("page", new ErasePage(layout, form)));
    }

    private void respondProfile(
            Context ctx,
            Conversation conversation,
            Map<String, String> submitted,
            Map<String, String> errors,
            boolean saved) {
        var profile = profileForm(ctx, conversation, submitted, errors, saved);
        if (!Htmx.isHtmx(ctx)) {
            ctx.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
            renderPage(ctx, conversation, composer(ctx, conversation, "", TemplateDraft.NONE, null, false), profile);
            return;
        }
        // htmx swaps only 2xx answers: the errors are in the form, so this is still a 200
        ctx.render("partials/profileForm.jte", Map.of("profile", profile));
    }

    private void renderPage(Context ctx, Conversation conversation, Composer composer, ProfileForm profile) {
        var t = chrome.texts(ctx);
        var live = views(t).live(conversation, queries.schema(), csrf(ctx));
        var layout = chrome.layout(
                ctx,
                t,
                live.name(),
                "conversations",
                "conversation",
                conversation.id().value());
        ctx.render("dashboard/conversation.jte", Map.of("page", new ConversationPage(layout, live, composer, profile)));
    }

    private void renderComposer(
            Context ctx, Conversation conversation, String text, TemplateDraft draft, String error, boolean sent) {
        ctx.render("partials/composer.jte", Map.of("composer", composer(ctx, conversation, text, draft, error, sent)));
    }

    /** The reply form while the window is open; the template picker, with {@code draft} in it, once it closed. */
    private Composer composer(
            Context ctx, Conversation conversation, String text, TemplateDraft draft, String error, boolean sent) {
        var t = chrome.texts(ctx);
        var composer = views(t).composer(conversation, csrf(ctx), text, error, sent);
        if (composer.windowOpen()) {
            return composer;
        }
        return composer.withTemplates(templates.picker(t, conversation.id(), csrf(ctx), draft, error, sent));
    }

    private ProfileForm profileForm(
            Context ctx,
            Conversation conversation,
            Map<String, String> submitted,
            Map<String, String> errors,
            boolean saved) {
        return views(chrome.texts(ctx)).profile(conversation, queries.schema(), csrf(ctx), submitted, errors, saved);
    }

    private ConversationViews views(Texts t) {
        return chrome.views(t);
    }

    private Conversation load(ConversationId id) {
        return queries.byId(id).orElseThrow(() -> new UnknownConversation(id));
    }

    private static ConversationId id(Context ctx) {
        return new ConversationId(ctx.pathParam("id"));
    }

    private static String csrf(Context ctx) {
        return AccessControl.visit(ctx).csrfToken();
    }

    private static String pageUrl(ConversationId id) {
        return Urls.conversation(id.value());
    }

    private static Instant shown(Context ctx) {
        String raw = ctx.queryParam("shown");
        if (raw == null || raw.isBlank()) {
            return Instant.MIN;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}

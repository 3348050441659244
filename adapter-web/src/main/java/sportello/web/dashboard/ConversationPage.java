package sportello.web.dashboard;

/**
 * {@code GET /dashboard/conversations/{id}}: the live part (head and history), the composer, the profile, and the
 * customer's GDPR rights (export, erase).
 */
public record ConversationPage(Layout layout, ConversationLive live, Composer composer, ProfileForm profile) {

    /** The zip of everything stored about the customer, from the API (the session opens it too). */
    public String exportUrl() {
        return "/api/customers/" + Urls.encode(live.id()) + "/export";
    }

    /** The confirmation step before erasing. */
    public String eraseUrl() {
        return Urls.conversation(live.id()) + "/erase";
    }
}

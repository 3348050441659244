package sportello.web.dashboard;

/** {@code GET /dashboard/conversations/{id}}: the live part (head and history), the composer and the profile. */
public record ConversationPage(Layout layout, ConversationLive live, Composer composer, ProfileForm profile) {}

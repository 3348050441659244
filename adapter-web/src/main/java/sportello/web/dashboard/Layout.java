package sportello.web.dashboard;

/**
 * What every dashboard page shows around its content: the title (prefixed with the number of conversations that
 * need attention), navigation, language links, the logged-in user, and the CSRF token that htmx sends as a
 * header. {@code page} and {@code conversationId} tell the page's script what to refresh on live events;
 * {@code simulator} links the WhatsApp simulator of demo mode.
 */
public record Layout(
        Texts t,
        String title,
        String section,
        String page,
        String conversationId,
        String csrfToken,
        String username,
        int attention,
        String italianLink,
        String englishLink,
        boolean simulator) {

    public String documentTitle() {
        return (attention > 0 ? "(" + attention + ") " : "") + baseTitle();
    }

    public String baseTitle() {
        return title + " · Sportello";
    }

    /** The {@code hx-headers} JSON; the token is URL-safe base64, so it needs no JSON escaping. */
    public String csrfHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrfToken + "\"}";
    }

    public boolean loggedIn() {
        return username != null;
    }

    public String navClass(String name) {
        return name.equals(section) ? "active" : "";
    }
}

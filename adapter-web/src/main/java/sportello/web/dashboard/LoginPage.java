package sportello.web.dashboard;

/** {@code GET /login}: the form, with the error of the last attempt if any. */
public record LoginPage(
        Texts t,
        String csrfToken,
        String username,
        String next,
        String error,
        String italianLink,
        String englishLink) {}

package sportello.web.dashboard;

/**
 * The manual reply form. With the 24-hour window closed only approved templates may be sent, which Sportello
 * cannot do yet: the form says so and is disabled.
 */
public record Composer(
        Texts t, String id, String csrfToken, boolean windowOpen, String text, String error, boolean sent) {

    public String action() {
        return Urls.conversation(id) + "/reply";
    }

    public String refreshUrl() {
        return Urls.conversation(id) + "/composer";
    }
}

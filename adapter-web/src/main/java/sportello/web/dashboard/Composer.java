package sportello.web.dashboard;

/**
 * The manual reply form while the 24-hour window is open. Once it has closed WhatsApp takes only approved
 * templates, so {@code templates} holds the picker shown instead (null while the window is open); {@code error} and
 * {@code sent} belong to whichever of the two is shown.
 */
public record Composer(
        Texts t,
        String id,
        String csrfToken,
        boolean windowOpen,
        String text,
        String error,
        boolean sent,
        TemplatePicker templates) {

    public String action() {
        return Urls.conversation(id) + "/reply";
    }

    public String refreshUrl() {
        return Urls.conversation(id) + "/composer";
    }

    Composer withTemplates(TemplatePicker picker) {
        return new Composer(t, id, csrfToken, windowOpen, text, error, sent, picker);
    }
}

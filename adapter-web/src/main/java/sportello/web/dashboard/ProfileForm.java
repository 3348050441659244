package sportello.web.dashboard;

import java.util.List;

/** The customer's profile as an edit form: each value with where it came from, and the error of each field. */
public record ProfileForm(
        Texts t, String id, String csrfToken, List<Field> fields, boolean complete, String missing, boolean saved) {

    public String action() {
        return Urls.conversation(id) + "/profile";
    }

    public boolean hasErrors() {
        return fields.stream().anyMatch(f -> f.error() != null);
    }

    /**
     * One field. {@code source} says where the value came from ("from the message of 3 Nov 14:05" or "entered by
     * staff"); {@code sourceHref} links to that message in the history, {@code sourceDetail} quotes it.
     */
    public record Field(
            String name,
            String label,
            boolean required,
            String value,
            String source,
            String sourceHref,
            String sourceDetail,
            String error) {

        public String inputId() {
            return "f_" + name;
        }

        public String errorId() {
            return "err_" + name;
        }
    }
}

package sportello.domain.conversation;

import java.util.Locale;
import java.util.Objects;

/**
 * The value for one button of a template, by its position among the template's buttons: the dynamic end of a link
 * button's URL, or the payload a quick-reply button sends back when the customer taps it.
 */
public record TemplateButton(int index, Kind kind, String value) {

    public enum Kind {
        URL,
        QUICK_REPLY;

        /** "url", "quick_reply" in any case; unknown names are refused with the names that work. */
        public static Kind named(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "template button type '" + name + "' is not known: use url or quick_reply");
            }
        }
    }

    private static final int MOST_BUTTONS = 10;
    private static final int LONGEST_VALUE = 2000;

    public TemplateButton {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (index < 0 || index >= MOST_BUTTONS) {
            throw new IllegalArgumentException(
                    "template button index " + index + " is out of range: buttons are numbered 0 to 9 in order");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("the value of template button " + index + " is empty: fill it in");
        }
        if (value.length() > LONGEST_VALUE) {
            throw new IllegalArgumentException(
                    "the value of template button " + index + " is longer than " + LONGEST_VALUE + " characters");
        }
    }
}

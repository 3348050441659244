package sportello.domain.conversation;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pre-approved message template to send, with its body parameters in order and, when the template needs them, the
 * value of its header and of its buttons: the only thing a business may send once the customer's 24-hour window has
 * closed. The rules here are the channel's own, checked before anything is queued so a mistake is reported to staff
 * at once instead of failing later.
 */
public record TemplateMessage(
        String name, String language, List<String> parameters, TemplateHeader header, List<TemplateButton> buttons) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final int LONGEST_PARAMETER = 1024;

    public TemplateMessage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        name = name.strip();
        language = language.strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("template name '" + name
                    + "' is not valid: use the template's name as approved (lower-case letters, digits, _)");
        }
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException(
                    "template language '" + language + "' is not valid: use a code such as it, en or en_US");
        }
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
        for (String parameter : parameters) {
            if (parameter.isBlank()) {
                throw new IllegalArgumentException("a template parameter is empty: fill in every parameter");
            }
            if (parameter.contains("\n") || parameter.contains("\t") || parameter.contains("    ")) {
                throw new IllegalArgumentException(
                        "template parameters may not contain new lines, tabs or more than three spaces in a row");
            }
            if (parameter.length() > LONGEST_PARAMETER) {
                throw new IllegalArgumentException(
                        "a template parameter is longer than " + LONGEST_PARAMETER + " characters");
            }
        }
        buttons = List.copyOf(buttons == null ? List.of() : buttons);
        if (buttons.stream().map(TemplateButton::index).distinct().count() != buttons.size()) {
            throw new IllegalArgumentException("two values for the same template button: give each button once");
        }
    }

    public TemplateMessage(String name, String language, List<String> parameters) {
        this(name, language, parameters, null, List.of());
    }

    public java.util.Optional<TemplateHeader> headerValue() {
        return java.util.Optional.ofNullable(header);
    }

    /** How the message shows in the conversation when the template's text is not known. */
    public String preview() {
        return "📋 " + name + (parameters.isEmpty() ? "" : ": " + String.join(", ", parameters));
    }
}

package sportello.whatsapp.templates;

import java.io.IOException;
import java.util.Optional;
import sportello.ports.out.Templates.TemplatesUnavailable;
import sportello.whatsapp.graph.GraphError;
import sportello.whatsapp.graph.GraphErrorClass;

/**
 * Why the template list could not be read, said as what to do, with the WhatsApp error code or HTTP status in
 * brackets. Staff see it where they pick a template, so it names the setting to fix.
 */
final class ListingFailures {

    static final String NO_ACCOUNT = "set WHATSAPP_ACCOUNT_ID to list templates: the WhatsApp Business Account id"
            + " shown in WhatsApp Manager";

    /** Graph's "object does not exist or cannot be read", which a wrong account id gets. */
    private static final int UNKNOWN_OBJECT = 100;

    private ListingFailures() {}

    static TemplatesUnavailable answer(int status, Optional<GraphError> error) {
        String code = error.map(e -> " [WhatsApp error " + e.summary() + "]").orElse(" [HTTP " + status + "]");
        GraphErrorClass errorClass =
                error.map(e -> GraphErrorClass.of(e.code())).orElse(GraphErrorClass.UNKNOWN);
        if (errorClass == GraphErrorClass.RE_AUTH || (error.isEmpty() && status == 401)) {
            return new TemplatesUnavailable("WhatsApp refused the access token, so templates cannot be listed:"
                    + " create a new system-user token in Meta Business Settings, set WHATSAPP_ACCESS_TOKEN and"
                    + " restart Sportello" + code);
        }
        if (error.map(GraphError::code).orElse(-1) == UNKNOWN_OBJECT || status == 404) {
            return new TemplatesUnavailable("WHATSAPP_ACCOUNT_ID is wrong: use the WhatsApp Business Account id from"
                    + " WhatsApp Manager (not the phone number id)" + code);
        }
        if (errorClass == GraphErrorClass.CONFIGURATION) {
            return new TemplatesUnavailable("the access token may not read templates: give the system user the"
                    + " whatsapp_business_management permission, then set the new token as WHATSAPP_ACCESS_TOKEN"
                    + code);
        }
        if (errorClass == GraphErrorClass.RETRY
                || errorClass == GraphErrorClass.RATE_LIMITED
                || (error.isEmpty() && (status >= 500 || status == 429))) {
            return tryAgain(code);
        }
        return new TemplatesUnavailable(
                "WhatsApp refused to list the templates: check WHATSAPP_ACCOUNT_ID and the token's permissions" + code);
    }

    static TemplatesUnavailable unreachable(IOException e) {
        return tryAgain(" [" + describe(e) + "]");
    }

    static TemplatesUnavailable unreadable(String what) {
        return new TemplatesUnavailable("WhatsApp's list of templates could not be read, try again in a minute; if"
                + " this keeps happening, report it as a Sportello bug [" + what + "]");
    }

    private static TemplatesUnavailable tryAgain(String code) {
        return new TemplatesUnavailable("WhatsApp could not be reached, try again in a minute" + code);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

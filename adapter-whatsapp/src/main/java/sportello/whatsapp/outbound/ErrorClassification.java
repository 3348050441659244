package sportello.whatsapp.outbound;

import java.time.Duration;
import java.util.Optional;
import sportello.ports.out.Channel.SendResult;
import sportello.whatsapp.graph.GraphError;
import sportello.whatsapp.graph.GraphErrorClass;

/**
 * What a failed send means for the outbox, decided by the Graph error code (reference §12) and by the HTTP status only
 * when the body carries no code. Every reason is a sentence for the staff who read it on the dashboard: what happened,
 * what to do, and the WhatsApp error code in brackets for whoever looks it up.
 */
final class ErrorClassification {

    /** Meta's maintenance error; the reference says to wait about a minute. */
    private static final int MAINTENANCE = 131057;

    private static final Duration MAINTENANCE_PAUSE = Duration.ofSeconds(60);

    /** How a blocked channel's reason ends: what happens to the messages meanwhile. */
    private static final String KEPT =
            "messages are kept, Sportello tries one a minute and resumes sending by itself once it works.";

    private ErrorClassification() {}

    static SendResult classify(int httpStatus, Optional<GraphError> error, Duration retryAfter) {
        if (error.isPresent()) {
            return byCode(error.get(), retryAfter);
        }
        String code = " [HTTP " + httpStatus + ", no WhatsApp error code]";
        if (httpStatus >= 500 || httpStatus == 429) {
            return new SendResult.RetryLater(
                    "WhatsApp answered with a server error and did not take the message. Sportello will try again."
                            + code,
                    retryAfter);
        }
        if (httpStatus == 401) {
            return new SendResult.Blocked(reAuth(code));
        }
        return new SendResult.Refused(
                "WhatsApp refused the message without saying why, so it was not sent and will not be retried."
                        + " If this keeps happening, report it as a Sportello bug." + code,
                false);
    }

    /** For a send that waits for a customer's pair rate to recover, with or without a fresh 131056. */
    static String pairRatePause(Duration wait, Optional<GraphError> error) {
        String what = error.isPresent()
                ? "Too many messages went to this customer in a short time, so WhatsApp did not send this one."
                : "Messages to this customer are paused because WhatsApp's per-customer limit was hit.";
        return what + " Sportello waits " + seconds(wait) + " before trying again; nothing to do."
                + error.map(ErrorClassification::code).orElse(" [WhatsApp error 131056]");
    }

    private static SendResult byCode(GraphError error, Duration retryAfter) {
        String code = code(error);
        return switch (GraphErrorClass.of(error.code())) {
            case RETRY ->
                error.code() == MAINTENANCE
                        ? new SendResult.RetryLater(
                                "WhatsApp is under maintenance and did not send the message."
                                        + " Sportello will try again in about a minute." + code,
                                longer(retryAfter, MAINTENANCE_PAUSE))
                        : new SendResult.RetryLater(
                                "WhatsApp had a temporary problem and did not send the message. Sportello will try"
                                        + " again; if this keeps happening, check Meta's status at metastatus.com."
                                        + code,
                                retryAfter);
            case RATE_LIMITED -> new SendResult.RetryLater(rateLimited(error.code()) + code, retryAfter);
            // The channel handles 131056 itself (it knows the customer); this is the fallback without one.
            case PAIR_RATE -> new SendResult.RetryLater(pairRatePause(retryAfter, Optional.of(error)), retryAfter);
            case WINDOW_CLOSED ->
                new SendResult.OutsideWindow(
                        "The customer last wrote more than 24 hours ago, so WhatsApp now accepts only an approved"
                                + " template and did not send this message. Send them an approved template instead,"
                                + " or answer when they write again." + code);
            // Every later send would fail the same way: the outbox pauses and keeps the messages.
            case RE_AUTH -> new SendResult.Blocked(reAuth(code));
            case CONFIGURATION ->
                new SendResult.Refused(
                        "WhatsApp refused the message because of a configuration problem at Meta: "
                                + configuration(error.code())
                                + ". Messages will keep failing until this is fixed." + code,
                        true);
            case ACCOUNT_BLOCKED ->
                new SendResult.Blocked("WhatsApp has restricted this business number (" + blocked(error.code())
                        + "), so sending is paused. Check the number's status and quality rating in WhatsApp"
                        + " Manager and resolve it with Meta; " + KEPT + code);
            case PERMANENT -> new SendResult.Refused(permanent(error.code()) + code, false);
            case MARKETING_LIMIT -> new SendResult.Refused(marketing(error.code()) + code, false);
            case UNKNOWN ->
                new SendResult.Refused(
                        "WhatsApp refused the message with an error Sportello does not know, so it was not sent and"
                                + " will not be retried. Look the code up in Meta's WhatsApp error reference." + code,
                        false);
        };
    }

    private static String reAuth(String code) {
        return "WhatsApp rejected Sportello's access token, so sending is paused. Create a new system-user token in"
                + " Meta Business Settings (see docs/whatsapp.md), set a valid WHATSAPP_ACCESS_TOKEN and restart"
                + " Sportello; " + KEPT + code;
    }

    private static String rateLimited(int code) {
        return switch (code) {
            case 4 ->
                "The Meta app made too many API calls and WhatsApp did not send the message. Sportello will try"
                        + " again later; if this persists, check the app's rate limits in the Meta dashboard.";
            case 80007 ->
                "The WhatsApp Business Account reached its API call limit and the message was not sent. Sportello"
                        + " will try again later.";
            default ->
                "This business number reached WhatsApp's messages-per-second limit and the message was not sent."
                        + " Sportello will try again shortly.";
        };
    }

    private static String configuration(int code) {
        if (code == 3) {
            return "the Meta app lacks the capability for this call; check that the WhatsApp product is added"
                    + " to the app";
        }
        if (code == 10 || code == 131005 || (code >= 200 && code <= 299)) {
            return "the access token lacks a permission; give the system user the whatsapp_business_messaging"
                    + " and whatsapp_business_management permissions and set the new token";
        }
        if (code == 133010 || code == 131045) {
            return "the phone number is not registered with the WhatsApp Cloud API; register it in WhatsApp"
                    + " Manager and check WHATSAPP_PHONE_ID";
        }
        if (code == 131042) {
            return "there is a payment problem on the WhatsApp Business Account; add or fix the payment method in"
                    + " WhatsApp Manager";
        }
        return "the message template is missing, paused, disabled or filled in wrongly; check it in WhatsApp"
                + " Manager under Message templates";
    }

    private static String blocked(int code) {
        return switch (code) {
            case 131048 -> "too many earlier messages were blocked or reported as spam";
            case 368 -> "it is temporarily blocked for violating WhatsApp's policies";
            default -> "the account is locked";
        };
    }

    private static String permanent(int code) {
        return switch (code) {
            case 131026 ->
                "WhatsApp could not deliver the message to this customer: the number may not use WhatsApp, or"
                        + " their app may be out of date. It will not be retried; reach them another way.";
            case 131021 ->
                "The recipient is the business number itself, which WhatsApp does not allow. Check the"
                        + " customer's number.";
            case 130497 ->
                "WhatsApp does not let this business write to customers in this customer's country. It will not"
                        + " be retried; reach them another way.";
            default ->
                "WhatsApp refused this message as it is, so it was not sent and will not be retried. Answer the"
                        + " customer another way; if the text looks normal, report it as a Sportello bug.";
        };
    }

    private static String marketing(int code) {
        return code == 131050
                ? "The customer has stopped marketing messages from this business, so WhatsApp did not send this"
                        + " one. Do not send it again."
                : "WhatsApp held this message back to protect the customer from too many business messages. Do not"
                        + " send it again within 24 hours.";
    }

    private static String code(GraphError error) {
        return " [WhatsApp error " + error.summary() + "]";
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String seconds(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}

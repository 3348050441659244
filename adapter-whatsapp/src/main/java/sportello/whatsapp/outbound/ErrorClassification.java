package sportello.whatsapp.outbound;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import sportello.ports.out.Channel.SendResult;

/**
 * What a failed send means for the outbox, decided by the Graph error code (reference §12) and by the HTTP status only
 * when the body carries no code. Every code here is one where Meta says the message was not taken.
 */
final class ErrorClassification {

    /** Transient, throttling and pair-rate errors: the message was not sent, trying again later is safe. */
    private static final Set<Integer> RETRYABLE =
            Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057, 133004);

    /** The token is invalid or expired: nothing will go out until an operator replaces it. */
    private static final Set<Integer> TOKEN = Set.of(0, 190);

    /** Spam limit or a restricted/blocked account: keep sending and the number's standing gets worse. */
    private static final Set<Integer> ACCOUNT_BLOCKED = Set.of(131048, 368, 131031);

    private static final int WINDOW_CLOSED = 131047;

    static final String WINDOW_CLOSED_REASON =
            "outside the 24-hour customer service window: only a template can be sent";

    private ErrorClassification() {}

    static SendResult classify(int httpStatus, Optional<GraphError> error, Duration retryAfter) {
        if (error.isPresent()) {
            return byCode(error.get(), retryAfter);
        }
        String reason = "HTTP " + httpStatus + " from WhatsApp";
        if (httpStatus >= 500 || httpStatus == 429) {
            return new SendResult.RetryLater(reason, retryAfter);
        }
        if (httpStatus == 401) {
            return tokenRefused(reason);
        }
        return new SendResult.Refused(reason, false);
    }

    private static SendResult byCode(GraphError error, Duration retryAfter) {
        int code = error.code();
        if (RETRYABLE.contains(code)) {
            return new SendResult.RetryLater(error.summary(), retryAfter);
        }
        if (TOKEN.contains(code)) {
            return tokenRefused(error.summary());
        }
        if (ACCOUNT_BLOCKED.contains(code)) {
            return new SendResult.Refused("WhatsApp account restricted from sending: " + error.summary(), true);
        }
        if (code == WINDOW_CLOSED) {
            return new SendResult.Refused(WINDOW_CLOSED_REASON, false);
        }
        return new SendResult.Refused(error.summary(), false);
    }

    private static SendResult tokenRefused(String details) {
        return new SendResult.Refused(
                "WhatsApp access token invalid or expired: set a valid WHATSAPP_ACCESS_TOKEN (" + details + ")", true);
    }
}

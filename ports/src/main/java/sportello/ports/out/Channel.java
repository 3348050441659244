package sportello.ports.out;

import java.time.Duration;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;

/** Driven port: delivers messages on the channel the customer wrote from. */
public interface Channel {

    /** Sends a text; {@code correlation} comes back in the channel's status reports. */
    SendResult send(Customer to, String text, String correlation);

    /**
     * Sends an approved template, the only message allowed outside the customer's 24-hour window. Channels without
     * templates refuse it.
     */
    default SendResult sendTemplate(Customer to, TemplateMessage template, String correlation) {
        return new SendResult.Refused("this channel cannot send WhatsApp templates", false);
    }

    /** Shows the customer their message was read (and that an answer is being typed). Best effort. */
    void markRead(String channelAccount, String channelMessageId);

    sealed interface SendResult {

        /** The channel took the message; delivery is reported later. */
        record Accepted(String channelMessageId) implements SendResult {}

        /** The channel provably did not take it (e.g. 5xx, connection refused, rate limit): safe to try again. */
        record RetryLater(String reason, Duration after) implements SendResult {}

        /** We cannot tell whether the channel took it (e.g. the answer timed out): never resend blindly. */
        record InDoubt(String reason) implements SendResult {}

        /** The channel refused it for good (bad recipient, window closed); a person must look. */
        record Refused(String reason, boolean critical) implements SendResult {}

        /**
         * The channel refused free text because the customer's 24-hour window has closed: only a template can go
         * out now. The conversation learns its window is closed.
         */
        record OutsideWindow(String reason) implements SendResult {}

        /**
         * The channel refuses every send until an operator fixes its setup (expired or revoked token, blocked
         * account): the message was not sent and must wait, with all the others, until sending works again.
         */
        record Blocked(String reason) implements SendResult {}
    }
}

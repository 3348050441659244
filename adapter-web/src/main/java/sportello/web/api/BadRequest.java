package sportello.web.api;

/** The request body or parameters were wrong; the message says what to send instead. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}

package sportello.openai.wire;

import java.io.IOException;

/** What one HTTP attempt at {@code POST /responses} came to. {@code requestId} may be null (e.g. a proxy). */
public sealed interface Outcome {

    /** A completed response with text fit to send. */
    record Answered(String text, String requestId) implements Outcome {}

    /** A 2xx response with nothing to send: incomplete, refused, failed, empty or unreadable. */
    record NoAnswer(String reason, String requestId) implements Outcome {}

    /** A non-2xx answer. */
    record Rejected(int status, ApiError error, RetryHint hint, String requestId) implements Outcome {}

    /** No answer at all: connect or read timeout, reset connection, unknown host. */
    record Unreachable(IOException cause) implements Outcome {}
}

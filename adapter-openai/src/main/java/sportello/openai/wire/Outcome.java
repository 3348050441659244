package sportello.openai.wire;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What one HTTP attempt at {@code POST /responses} came to. {@code requestId} may be null (e.g. a proxy).
 * {@link Rejected} and {@link Unreachable} also describe the Files and Vector Stores calls of {@link KnowledgeApi}.
 */
public sealed interface Outcome {

    /** A completed response with text fit to send and no function to run. */
    record Answered(String text, Consumption consumption, String requestId) implements Outcome {}

    /** A completed response asking for one or more functions; {@code replay} goes back with their results. */
    record CallsFunctions(List<FunctionCall> calls, Replay replay, Consumption consumption, String requestId)
            implements Outcome {
        public CallsFunctions {
            calls = List.copyOf(calls);
        }
    }

    /**
     * A 2xx response with nothing to send: incomplete, refused, failed, empty or unreadable. {@code consumption}
     * is null when the body could not be read; otherwise the call was billed all the same.
     */
    record NoAnswer(String reason, Consumption consumption, String requestId) implements Outcome {
        public Optional<Consumption> consumptionValue() {
            return Optional.ofNullable(consumption);
        }
    }

    /**
     * A 2xx response whose document search failed ({@code file_search_call} with status {@code failed}, or the
     * error code {@code vector_store_timeout}): whatever it says was written without the documents, so the caller
     * asks again without the tool. It was billed all the same.
     */
    record SearchFailed(String reason, Consumption consumption, String requestId) implements Outcome {}

    /** A non-2xx answer. */
    record Rejected(int status, ApiError error, RetryHint hint, String requestId) implements Outcome {}

    /** No answer at all: connect or read timeout, reset connection, unknown host. */
    record Unreachable(IOException cause) implements Outcome {}
}

package sportello.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a Response object Sportello reads. Everything else (echoed settings, new fields) is ignored,
 * because OpenAI adds fields every month. Any field may be missing, so every component is nullable.
 */
record ResponseObject(
        String id,
        String status,
        String model,
        @JsonProperty("incomplete_details") IncompleteDetails incompleteDetails,
        ErrorDetail error,
        List<OutputItem> output,
        TokenUsage usage) {

    static final String COMPLETED = "completed";
    static final String VECTOR_STORE_TIMEOUT = "vector_store_timeout";

    List<OutputItem> outputItems() {
        return output == null ? List.of() : output;
    }

    String incompleteReason() {
        return incompleteDetails == null || incompleteDetails.reason() == null
                ? "unknown reason"
                : incompleteDetails.reason();
    }

    record IncompleteDetails(String reason) {}

    record ErrorDetail(String code, String message) {}

    /** Why the document search let this response down, if it did: a failed search item or the store timing out. */
    Optional<String> searchFailure() {
        if (error != null && VECTOR_STORE_TIMEOUT.equals(error.code())) {
            return Optional.of("the vector store timed out (" + VECTOR_STORE_TIMEOUT + ")");
        }
        return outputItems().stream()
                .filter(OutputItem::isFailedFileSearch)
                .findFirst()
                .map(item -> "the file_search call " + item.id() + " failed");
    }

    /**
     * One output item. Only {@code message} items carry text and only {@code function_call} items ask for work;
     * reasoning, built-in tool calls and item types added later are skipped (but replayed, see {@link Replay}).
     */
    record OutputItem(
            String type,
            String id,
            String status,
            String role,
            List<ContentPart> content,
            @JsonProperty("call_id") String callId,
            String name,
            String arguments) {
        static final String MESSAGE = "message";
        static final String FUNCTION_CALL = "function_call";
        static final String FILE_SEARCH_CALL = "file_search_call";

        boolean isMessage() {
            return MESSAGE.equals(type);
        }

        /** A search in the vector store that did not work; the model answered, if at all, without the documents. */
        boolean isFailedFileSearch() {
            return FILE_SEARCH_CALL.equals(type) && "failed".equals(status);
        }

        boolean isFunctionCall() {
            return FUNCTION_CALL.equals(type) && callId != null && name != null;
        }

        List<ContentPart> parts() {
            return content == null ? List.of() : content;
        }
    }

    record ContentPart(String type, String text, String refusal) {
        static final String OUTPUT_TEXT = "output_text";
        static final String REFUSAL = "refusal";
    }

    /** {@code input_tokens} include the cached ones, {@code output_tokens} the reasoning ones. */
    record TokenUsage(
            @JsonProperty("input_tokens") long inputTokens,
            @JsonProperty("input_tokens_details") InputDetails inputDetails,
            @JsonProperty("output_tokens") long outputTokens) {

        long cachedTokens() {
            return inputDetails == null ? 0 : inputDetails.cachedTokens();
        }
    }

    record InputDetails(@JsonProperty("cached_tokens") long cachedTokens) {}
}

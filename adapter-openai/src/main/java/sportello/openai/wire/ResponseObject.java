package sportello.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The parts of a Response object Sportello reads. Everything else (echoed settings, usage, new fields) is
 * ignored, because OpenAI adds fields every month. Any field may be missing, so every component is nullable.
 */
record ResponseObject(
        String id,
        String status,
        @JsonProperty("incomplete_details") IncompleteDetails incompleteDetails,
        ErrorDetail error,
        List<OutputItem> output) {

    static final String COMPLETED = "completed";

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

    /** Only {@code message} items carry text; calls, reasoning and item types added later are skipped. */
    record OutputItem(String type, String role, List<ContentPart> content) {
        static final String MESSAGE = "message";

        boolean isMessage() {
            return MESSAGE.equals(type);
        }

        List<ContentPart> parts() {
            return content == null ? List.of() : content;
        }
    }

    record ContentPart(String type, String text, String refusal) {
        static final String OUTPUT_TEXT = "output_text";
        static final String REFUSAL = "refusal";
    }
}

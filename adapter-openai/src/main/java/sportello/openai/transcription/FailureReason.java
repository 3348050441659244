package sportello.openai.transcription;

import sportello.openai.wire.ApiError;
import sportello.openai.wire.Outcome;

/**
 * Why a voice note has no transcript, worded for the person reading the log: what went wrong and what, if anything,
 * to do. Routes on status, type and code, never on OpenAI's message (reference §9), like the reply agent's triage.
 */
final class FailureReason {

    private FailureReason() {}

    static String of(Outcome failure, String model) {
        return switch (failure) {
            case Outcome.Rejected rejected -> rejected(rejected, model) + requestId(rejected.requestId());
            case Outcome.Unreachable(var cause) ->
                "OpenAI unreachable (" + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                        + "): check the server's connection to OpenAI if this persists";
            case Outcome.NoAnswer none ->
                "OpenAI's transcription was unusable: " + none.reason() + requestId(none.requestId());
            case Outcome.Answered answered -> "unexpected answer: " + answered;
            case Outcome.CallsFunctions called -> "unexpected answer: " + called;
            case Outcome.SearchFailed failed -> "unexpected answer: " + failed;
        };
    }

    /** The quota family first: it comes as 429 like a rate limit, but waiting never fixes it. */
    private static String rejected(Outcome.Rejected rejected, String model) {
        ApiError error = rejected.error();
        if (error.isQuota()) {
            return "OpenAI quota exhausted: add credit or raise the limit in the OpenAI billing settings ("
                    + error.label() + ")";
        }
        int status = rejected.status();
        return switch (status) {
            case 401 -> "OpenAI rejected the API key: set a valid OPENAI_API_KEY";
            case 403 ->
                "OpenAI refused access (" + error.label()
                        + "): check that the key's project may use audio models, and the server's region";
            case 404 ->
                "OpenAI does not know the transcription model '" + model
                        + "': set OPENAI_TRANSCRIPTION_MODEL to one the key may use, e.g. gpt-4o-mini-transcribe";
            case 413 -> "the voice note is larger than OpenAI accepts (25 MB)";
            case 400 -> "OpenAI could not transcribe the voice note (" + error.label() + "): " + message(error);
            case 408, 409, 429 ->
                "OpenAI busy (HTTP " + status + " " + error.label()
                        + "): not retried; raise the OpenAI project's rate limits if this happens often";
            default ->
                status >= 500
                        ? "OpenAI unavailable (HTTP " + status + " " + error.label()
                                + "): a passing outage on OpenAI's side, nothing to fix here"
                        : "OpenAI answered HTTP " + status + " (" + error.label() + "): " + message(error);
        };
    }

    private static String message(ApiError error) {
        return error.redactedMessage().orElse("no message");
    }

    private static String requestId(String requestId) {
        return requestId == null ? "" : " [x-request-id " + requestId + "]";
    }
}

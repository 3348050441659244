package sportello.openai;

import java.io.IOException;
import java.util.Set;
import sportello.openai.wire.ApiError;
import sportello.openai.wire.Outcome;

/**
 * Sorts OpenAI's errors into retry, report, or alert (reference section 9). Routes on status, type and code,
 * never on the human message.
 */
final class Triage {

    /** Billing errors come as 429 like rate limits, but waiting never fixes them: checked before anything else. */
    static final Set<String> QUOTA = ApiError.QUOTA;

    private Triage() {}

    static Verdict of(Outcome.Rejected rejected, String model) {
        ApiError error = rejected.error();
        if (error.is(QUOTA)) {
            return Verdict.critical(
                    "quota",
                    "OpenAI quota exhausted: add credit or raise the limit in the OpenAI billing settings ("
                            + error.label() + ")");
        }
        Verdict verdict = byStatus(rejected.status(), error, model);
        // x-should-retry is the server's own judgement and beats our guess
        return rejected.hint().shouldRetryValue().map(verdict::withRetryable).orElse(verdict);
    }

    static Verdict of(Outcome.Unreachable unreachable) {
        IOException cause = unreachable.cause();
        return Verdict.transientFailure(
                "OpenAI unreachable (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
    }

    private static Verdict byStatus(int status, ApiError error, String model) {
        return switch (status) {
            case 401 -> Verdict.critical("auth", "OpenAI rejected the API key: set a valid OPENAI_API_KEY");
            case 403 ->
                Verdict.critical(
                        "forbidden",
                        "OpenAI refused access (" + error.label()
                                + "): check the key's project and permissions and the server's region");
            case 404 ->
                Verdict.critical(
                        "not_found", "OpenAI model or resource not found: check OPENAI_MODEL (now '" + model + "')");
            case 400 ->
                Verdict.error(
                        "bad_request:" + error.param() + ":" + error.code(),
                        "OpenAI rejected the request (" + error.label() + ", param " + error.param() + "): "
                                + humanMessage(error));
            case 408, 409, 429 -> Verdict.transientFailure("OpenAI busy (HTTP " + status + " " + error.label() + ")");
            default ->
                status >= 500
                        ? Verdict.transientFailure("OpenAI unavailable (HTTP " + status + " " + error.label() + ")")
                        : Verdict.error(
                                "http_" + status,
                                "OpenAI answered HTTP " + status + " (" + error.label() + "): " + humanMessage(error));
        };
    }

    /** OpenAI's message may quote a masked key; even masked, keys stay out of logs. */
    private static String humanMessage(ApiError error) {
        return error.redactedMessage().orElse("no message");
    }
}

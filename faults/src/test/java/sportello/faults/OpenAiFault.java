package sportello.faults;

/** What the fake OpenAI does with one Responses API call instead of answering. */
sealed interface OpenAiFault {

    /** An error answer with the reference's error JSON, and optionally a {@code Retry-After} header (seconds). */
    record Fail(int code, String fixture, String retryAfter) implements OpenAiFault {}

    /** Never answers: Sportello's read timeout fires. */
    record Stall() implements OpenAiFault {}

    static OpenAiFault serverError() {
        return new Fail(500, "openai/error-500.json", null);
    }

    static OpenAiFault overloaded() {
        return new Fail(503, "openai/error-503-overloaded.json", null);
    }

    static OpenAiFault rateLimited(String retryAfter) {
        return new Fail(429, "openai/error-429-rate-limit.json", retryAfter);
    }

    /** Billing: the quota is used up. Never worth a retry. */
    static OpenAiFault insufficientQuota() {
        return new Fail(429, "openai/error-429-insufficient-quota.json", null);
    }
}

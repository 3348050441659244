package sportello.faults;

import java.time.Duration;

/** What the fake Graph does with one send instead of simply accepting it. */
sealed interface GraphFault {

    /** An error answer; Meta did not take the message. */
    record Refuse(int code, String body, String retryAfter) implements GraphFault {}

    /** Meta took the message, then the connection broke before the answer. */
    record AcceptThenReset() implements GraphFault {}

    /** Meta took the message and never answers: Sportello's read timeout fires after Meta has it. */
    record AcceptThenStall() implements GraphFault {}

    /** The connection broke before Meta saw the request (a proxy or load balancer dropped it). */
    record ResetUnseen() implements GraphFault {}

    /** Meta takes the message but answers only after {@code delay} (inside Sportello's read timeout). */
    record Slow(Duration delay) implements GraphFault {}

    /** Graph's error 131000 ("Something went wrong") under the given HTTP status. */
    static GraphFault serverError(int code) {
        return new Refuse(code, Fixtures.text("whatsapp/error-131000.response.json"), null);
    }

    /** A bare 502 or 503 from a proxy in front of Graph: HTML, no Graph error code. */
    static GraphFault gatewayError(int code) {
        return new Refuse(code, "<html><body><h1>" + code + " Service Unavailable</h1></body></html>", null);
    }

    /** 429 with Graph's throughput error 130429, with or without a Retry-After header (seconds). */
    static GraphFault rateLimited(Integer retryAfterSeconds) {
        return new Refuse(
                429,
                Fixtures.text("whatsapp/error-130429.response.json"),
                retryAfterSeconds == null ? null : retryAfterSeconds.toString());
    }
}

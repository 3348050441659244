package sportello.openai;

/**
 * What a failed attempt means. {@code condition} names the problem for alert de-duplication, so that one expired
 * key gives one alert rather than one per customer message.
 */
record Verdict(String reason, boolean retryable, Severity severity, String condition) {

    enum Severity {
        /** Goes away by itself: rate limits, overload, network. Logged at WARN. */
        TRANSIENT,
        /** Our request or configuration is wrong, but a person need not act at once: logged at ERROR once. */
        ERROR,
        /** Only a person can fix it (key, quota, model): ERROR log and the alert hook, once. */
        CRITICAL
    }

    static Verdict transientFailure(String reason) {
        return new Verdict(reason, true, Severity.TRANSIENT, "transient");
    }

    static Verdict error(String condition, String reason) {
        return new Verdict(reason, false, Severity.ERROR, condition);
    }

    static Verdict critical(String condition, String reason) {
        return new Verdict(reason, false, Severity.CRITICAL, condition);
    }

    Verdict withRetryable(boolean newRetryable) {
        return new Verdict(reason, newRetryable, severity, condition);
    }

    boolean isCritical() {
        return severity == Severity.CRITICAL;
    }
}

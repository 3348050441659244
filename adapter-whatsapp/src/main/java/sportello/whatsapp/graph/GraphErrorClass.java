package sportello.whatsapp.graph;

import java.util.Set;

/**
 * The classes of Graph error codes in reference §12, each with what it means for the outbox (media downloads read the
 * same classes). Codes not listed are {@link #UNKNOWN}. docs/whatsapp.md explains each class to the people who read
 * the refusal reasons.
 */
public enum GraphErrorClass {
    /** Transient trouble at Meta: not sent, safe to send again after a pause. */
    RETRY(Set.of(1, 2, 131000, 131016, 133004, 131057)),
    /** Throughput limits of the number (130429), the app (4) or the WABA management API (80007). */
    RATE_LIMITED(Set.of(130429, 4, 80007)),
    /** Too many messages to one customer in a short time; only that customer waits. */
    PAIR_RATE(Set.of(131056)),
    /** The 24-hour customer service window is closed: only a template may be sent. */
    WINDOW_CLOSED(Set.of(131047)),
    /** The access token is invalid or expired. */
    RE_AUTH(Set.of(190, 0)),
    /** Permissions, phone number registration, payment or templates are not set up right at Meta. */
    CONFIGURATION(
            Set.of(3, 10, 131005, 133010, 131045, 131042, 132000, 132001, 132005, 132007, 132012, 132015, 132016)),
    /** The number is restricted, blocked or locked for spam or policy reasons. */
    ACCOUNT_BLOCKED(Set.of(131048, 368, 131031)),
    /** This message can never be sent as it is (bad parameter, undeliverable recipient, unsupported content). */
    PERMANENT(Set.of(100, 131008, 131009, 131026, 131051, 131052, 131053, 131021, 130403, 130497, 131062)),
    /** Meta held back a marketing message (131049) or the customer opted out of marketing (131050). */
    MARKETING_LIMIT(Set.of(131049, 131050)),
    UNKNOWN(Set.of());

    private final Set<Integer> codes;

    GraphErrorClass(Set<Integer> codes) {
        this.codes = codes;
    }

    public static GraphErrorClass of(int code) {
        if (code >= 200 && code <= 299) {
            return CONFIGURATION; // the whole range is "permission not granted"
        }
        for (GraphErrorClass errorClass : values()) {
            if (errorClass.codes.contains(code)) {
                return errorClass;
            }
        }
        return UNKNOWN;
    }
}

package sportello.web.access;

/** A staff route refused the request: {@code status} and {@code code} for the answer, the message says why. */
public final class AccessDenied extends RuntimeException {

    private final int status;
    private final String code;

    AccessDenied(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static AccessDenied unauthorized(String message) {
        return new AccessDenied(401, "unauthorized", message);
    }

    static AccessDenied forbidden(String message) {
        return new AccessDenied(403, "forbidden", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

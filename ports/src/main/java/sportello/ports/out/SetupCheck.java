package sportello.ports.out;

import java.util.Objects;

/**
 * One finding of {@code sportello doctor}: what was checked, how it went, and — unless it passed — what to do, in
 * words a business owner can follow.
 */
public record SetupCheck(String name, Result result, String message) {

    public enum Result {
        PASS,
        WARN,
        FAIL
    }

    public SetupCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
        message = message == null ? "" : message;
    }

    public static SetupCheck pass(String name, String message) {
        return new SetupCheck(name, Result.PASS, message);
    }

    public static SetupCheck warn(String name, String message) {
        return new SetupCheck(name, Result.WARN, message);
    }

    public static SetupCheck fail(String name, String message) {
        return new SetupCheck(name, Result.FAIL, message);
    }
}

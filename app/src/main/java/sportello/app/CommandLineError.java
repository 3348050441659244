package sportello.app;

/** A command was called with missing or wrong options; the message shows the right way. */
final class CommandLineError extends RuntimeException {
    CommandLineError(String message) {
        super(message);
    }
}

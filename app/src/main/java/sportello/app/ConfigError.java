package sportello.app;

/** A configuration value is missing or malformed; the message names the key and how to fix it. */
public final class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message);
    }
}

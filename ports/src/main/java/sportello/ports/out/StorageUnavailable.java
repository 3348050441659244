package sportello.ports.out;

/** Storage could not do what was asked (disk full, database locked or read-only); nothing was half-written. */
public class StorageUnavailable extends RuntimeException {
    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

package sportello.ports.out;

/** Driven port: where alerts go (a chat webhook, e-mail). Delivery is best effort and must not throw. */
public interface AlertSink {

    void deliver(Alert alert);
}

package sportello.ports.in;

/** Driving port: report a critical condition, or that it cleared. Safe to call on every occurrence. */
public interface RaiseAlert {

    void raise(String key, String title, String detail);

    void resolve(String key);

    RaiseAlert NONE = new RaiseAlert() {
        @Override
        public void raise(String key, String title, String detail) {}

        @Override
        public void resolve(String key) {}
    };
}

package sportello.ports.out;

import java.util.List;

/** Driven port: the business's approved message templates, as the channel knows them. */
public interface Templates {

    /**
     * The approved templates, possibly from a cache a few minutes old.
     *
     * @throws TemplatesUnavailable when the channel cannot be asked and nothing is cached; the message says why
     */
    List<MessageTemplate> approved();

    /** Forgets the cache, so the next {@link #approved()} asks the channel (after a template was approved). */
    void refresh();

    /** For channels without templates (the simulator): none. */
    Templates NONE = new Templates() {
        @Override
        public List<MessageTemplate> approved() {
            return List.of();
        }

        @Override
        public void refresh() {}
    };

    final class TemplatesUnavailable extends RuntimeException {
        public TemplatesUnavailable(String message) {
            super(message);
        }
    }
}

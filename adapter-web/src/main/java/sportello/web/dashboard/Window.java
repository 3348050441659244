package sportello.web.dashboard;

/**
 * The 24-hour customer-service window as shown: open with the seconds left (the page's script counts them down),
 * closed, or never opened because the customer never wrote.
 */
public record Window(String state, long secondsLeft, String label) {

    public boolean open() {
        return state.equals("open");
    }

    /** For {@code data-remaining}: absent unless open, so only open windows are counted down. */
    public String remaining() {
        return open() ? String.valueOf(secondsLeft) : null;
    }
}

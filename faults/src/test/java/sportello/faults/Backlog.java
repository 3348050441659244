package sportello.faults;

import java.util.regex.Pattern;

/** The work left, as /health's backlog check reports it ("inbox 3, outbox 1"). */
record Backlog(int inbox, int outbox) {

    private static final Pattern DETAIL = Pattern.compile("inbox (\\d+), outbox (\\d+)");

    static Backlog of(SportelloApi api) {
        var m = DETAIL.matcher(api.backlog());
        if (!m.find()) {
            throw new IllegalStateException("no backlog in /health: " + api.health());
        }
        return new Backlog(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    boolean empty() {
        return inbox == 0 && outbox == 0;
    }
}

package sportello.ports.contract;

import sportello.ports.out.Analytics;
import sportello.ports.out.Conversations;
import sportello.ports.out.CustomerRecords;
import sportello.ports.out.Inbox;
import sportello.ports.out.Outbox;
import sportello.ports.out.Retention;
import sportello.ports.out.UsageLog;

/**
 * The storage ports of one implementation, sharing one store; analytics read what the others wrote, retention and
 * customer records forget it. {@code retention} and {@code customerRecords} are null for a storage built with the
 * five-port constructor, which only the contracts of those five may use.
 *
 * <p>{@link sportello.ports.out.Backups} is not here and has no contract and no fake on purpose: what a backup
 * promises (a consistent copy taken while writes go on, which restores to exactly the data it copied) is a property
 * of the storage file, tested with the SQLite adapter ({@code SqliteBackupsTest}). An in-memory store has nothing to
 * copy and nothing to restore into, so a contract it could keep would only check that some file appears. A test that
 * needs a {@code Backups} (say, of a scheduler) can pass a lambda: {@code file -> Files.writeString(file, "")}.
 */
public record Storage(
        Conversations conversations,
        Inbox inbox,
        Outbox outbox,
        UsageLog usage,
        Analytics analytics,
        Retention retention,
        CustomerRecords customerRecords) {

    /** Without data protection: enough for the contracts of the first five ports only. */
    public Storage(Conversations conversations, Inbox inbox, Outbox outbox, UsageLog usage, Analytics analytics) {
        this(conversations, inbox, outbox, usage, analytics, null, null);
    }

    public static <T extends Conversations & Inbox & Outbox & UsageLog & Analytics & Retention & CustomerRecords>
            Storage of(T all) {
        return new Storage(all, all, all, all, all, all, all);
    }
}

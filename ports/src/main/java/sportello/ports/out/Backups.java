package sportello.ports.out;

import java.nio.file.Path;

/** Driven port: consistent copies of the whole store, taken while Sportello keeps running. */
public interface Backups {

    /** Writes a complete, consistent copy to {@code file} (which must not exist yet). */
    void backupTo(Path file);
}

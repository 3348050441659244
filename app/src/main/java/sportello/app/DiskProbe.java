package sportello.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sportello.ports.in.CheckHealth;
import sportello.ports.out.HealthProbe;

/** Free space where the database lives: a full disk means webhooks can no longer be stored. */
record DiskProbe(Path dataDir, long degradedBelowBytes, long downBelowBytes) implements HealthProbe {

    static final long MB = 1024L * 1024;

    static DiskProbe standard(Path dataDir) {
        return new DiskProbe(dataDir, 1024 * MB, 100 * MB);
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public CheckHealth.Check probe() {
        try {
            long free = Files.getFileStore(dataDir).getUsableSpace();
            String detail =
                    (free / MB) + " MB free in " + dataDir.toAbsolutePath().normalize();
            if (free < downBelowBytes) {
                return new CheckHealth.Check(
                        CheckHealth.Status.DOWN, detail + ": free disk space now, new messages may not be stored");
            }
            if (free < degradedBelowBytes) {
                return new CheckHealth.Check(CheckHealth.Status.DEGRADED, detail + ": the disk is almost full");
            }
            return new CheckHealth.Check(CheckHealth.Status.UP, detail);
        } catch (IOException e) {
            return new CheckHealth.Check(CheckHealth.Status.DOWN, "cannot read free space of " + dataDir + ": " + e);
        }
    }
}

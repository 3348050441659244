package sportello.ports.usecase;

import java.time.InstantSource;
import java.time.Period;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.out.MediaStore;
import sportello.ports.out.Retention;

/** Deletes messages and files older than the retention period the business chose (in months); run daily. */
public final class ApplyingRetention {

    private static final Logger log = LoggerFactory.getLogger(ApplyingRetention.class);

    private final Retention retention;
    private final Period keep;
    private final InstantSource clock;
    private final MediaStore media;

    public ApplyingRetention(Retention retention, MediaStore media, Period keep, InstantSource clock) {
        this.retention = retention;
        this.media = media;
        this.keep = keep;
        this.clock = clock;
    }

    public int apply() {
        var cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(keep).toInstant();
        int deleted = retention.deleteMessagesBefore(cutoff);
        int files = media.deleteStoredBefore(cutoff);
        if (deleted > 0 || files > 0) {
            log.info("Retention: deleted {} messages and {} files older than {}", deleted, files, cutoff);
        }
        return deleted;
    }
}

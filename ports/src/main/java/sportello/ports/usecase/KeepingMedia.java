package sportello.ports.usecase;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.CustomerMessage;
import sportello.ports.in.RaiseAlert;
import sportello.ports.out.MediaSource;
import sportello.ports.out.MediaSource.Fetch;
import sportello.ports.out.MediaStore;

/**
 * Copies the file of a customer message into our media storage before the message counts as processed, because
 * the channel's copy expires. Passing failures are retried a few times with growing pauses; a file that still
 * cannot be had is reported (the message itself is kept either way, and staff are told why the file is missing).
 */
public final class KeepingMedia {

    static final String ALERT = "media.download";
    static final int TRIES = 3;
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(KeepingMedia.class);

    private final MediaSource source;
    private final MediaStore store;
    private final RaiseAlert alerts;
    private final Pause pause;

    public KeepingMedia(MediaSource source, MediaStore store, RaiseAlert alerts, Pause pause) {
        this.source = source;
        this.store = store;
        this.alerts = alerts;
        this.pause = pause;
    }

    /** For channels that send no files (e.g. the simulator): every attachment is reported as not downloadable. */
    public static KeepingMedia none() {
        return new KeepingMedia(
                (account, attachment, sink) ->
                        new Fetch.Unavailable("this channel does not provide files for download", false),
                null,
                RaiseAlert.NONE,
                duration -> {});
    }

    /**
     * Makes sure the message's file is stored. Returns why it could not be, or empty when it is stored (or the
     * message has no file).
     */
    public Optional<String> keep(CustomerMessage message) {
        var attachment = message.attachmentValue();
        if (attachment.isEmpty() || alreadyStored(attachment.get())) {
            return Optional.empty();
        }
        return fetch(message.channelAccount(), attachment.get());
    }

    private boolean alreadyStored(Attachment attachment) {
        return store != null && store.find(attachment.mediaId()).isPresent();
    }

    private Optional<String> fetch(String account, Attachment attachment) {
        String reason = "";
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            var fetch = source.fetch(
                    account, attachment, (mime, content) -> store.save(attachment.mediaId(), mime, content));
            switch (fetch) {
                case Fetch.Fetched fetched -> {
                    alerts.resolve(ALERT);
                    return Optional.empty();
                }
                case Fetch.Unavailable(var why, var critical) -> {
                    log.warn("File {} cannot be downloaded: {}", attachment.mediaId(), why);
                    if (critical) {
                        alerts.raise(ALERT, "Files sent by customers cannot be downloaded", why);
                    }
                    return Optional.of(why);
                }
                case Fetch.RetryLater(var why, var after) -> {
                    reason = why;
                    log.info(
                            "File {} not downloaded yet (try {} of {}): {}", attachment.mediaId(), attempt, TRIES, why);
                    if (attempt < TRIES) {
                        pause(after);
                    }
                }
            }
        }
        return Optional.of(reason);
    }

    /** Shutting down while waiting leaves the message unprocessed, so the next start tries again. */
    private void pause(Duration after) {
        var bounded = after.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : after;
        try {
            pause.sleep(bounded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to download a file", e);
        }
    }
}

package sportello.whatsapp.media;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import sportello.ports.out.MediaSource.Fetch;
import sportello.whatsapp.graph.GraphError;
import sportello.whatsapp.graph.GraphErrorClass;

/**
 * What a failed download means, with a reason staff read next to the message: what happened, what to do, and the
 * WhatsApp error code or HTTP status in brackets. The Graph error code decides (reference §12, the same classes as
 * sending); the HTTP status only when the answer carries no code.
 */
final class MediaFailures {

    /** A short pause for trouble that usually passes in seconds; a {@code Retry-After} from Meta wins if longer. */
    static final Duration PAUSE = Duration.ofSeconds(2);

    static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(5);

    /** Meta's maintenance error; the reference says to wait about a minute. */
    private static final int MAINTENANCE = 131057;

    private static final Duration MAINTENANCE_PAUSE = Duration.ofSeconds(60);

    /** Graph's "object does not exist" error, which an expired or foreign media id gets. */
    private static final int UNKNOWN_OBJECT = 100;

    private static final long MEGABYTE = 1024 * 1024;

    private MediaFailures() {}

    /** A non-2xx answer from Graph or from the file host. */
    static Fetch answer(int status, Optional<GraphError> error, Duration retryAfter) {
        if (error.isPresent()) {
            return byCode(error.get(), retryAfter);
        }
        String code = " [HTTP " + status + ", no WhatsApp error code]";
        if (status == 401) {
            return new Fetch.Unavailable(badToken(code), true);
        }
        if (status == 404) {
            return new Fetch.Unavailable(gone(code), false);
        }
        if (status == 429 || status >= 500) {
            return new Fetch.RetryLater(
                    "WhatsApp answered with a server error while Sportello fetched the file; it will try again." + code,
                    longer(retryAfter, PAUSE));
        }
        return new Fetch.Unavailable(
                "WhatsApp refused to hand over the file without saying why, so it was not downloaded. If this keeps"
                        + " happening, report it as a Sportello bug." + code,
                false);
    }

    static Fetch unreachable(IOException e) {
        return new Fetch.RetryLater(
                "Sportello could not reach WhatsApp to download the file; it will try again. If this keeps happening,"
                        + " check the server's internet connection. [" + describe(e) + "]",
                PAUSE);
    }

    static Fetch noLink() {
        return new Fetch.RetryLater(
                "WhatsApp described the file without a download link; Sportello will ask again.", PAUSE);
    }

    static Fetch refusedHost(HttpUrl url) {
        return new Fetch.Unavailable(
                "WhatsApp's link for this file points at " + MediaHosts.describe(url) + ", which is not a Meta host"
                        + " reached over HTTPS, so Sportello did not download it: the access token is only ever sent"
                        + " to Meta. If a proxy sits in between, check its configuration.",
                false);
    }

    static Fetch badRedirect(String what) {
        return new Fetch.Unavailable(
                "WhatsApp's file host answered with " + what + ", so the file was not downloaded.", false);
    }

    static Fetch expiredAgain() {
        return new Fetch.RetryLater(
                "WhatsApp's download link for this file had expired even after Sportello asked for a fresh one;"
                        + " it will try again. [HTTP 404]",
                PAUSE);
    }

    /** {@code size} is what Graph or the file host stated, empty when the bytes themselves ran over. */
    static Fetch tooLarge(long limit, OptionalLong size) {
        String what = size.isPresent()
                ? "The file is " + megabytes(size.getAsLong()) + ", more than"
                : "The file is larger than";
        return new Fetch.Unavailable(
                what + " Sportello's limit of " + megabytes(limit)
                        + ", so it was not downloaded. Ask the customer to send a smaller file or a link.",
                false);
    }

    private static String megabytes(long bytes) {
        if (bytes < MEGABYTE) {
            return bytes + " bytes";
        }
        return bytes % MEGABYTE == 0
                ? bytes / MEGABYTE + " MB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (double) MEGABYTE);
    }

    static Fetch corrupt(IOException e) {
        return new Fetch.RetryLater(
                "The file downloaded from WhatsApp did not match its checksum, so it was not kept; Sportello will"
                        + " download it again. [" + e.getMessage() + "]",
                PAUSE);
    }

    static Fetch brokenOff(IOException e) {
        return new Fetch.RetryLater(
                "The download from WhatsApp broke off, so the file was not kept; Sportello will try again. ["
                        + describe(e) + "]",
                PAUSE);
    }

    static Fetch notStored(IOException e) {
        return new Fetch.RetryLater(
                "Sportello downloaded the file but could not store it; it will try again. If this keeps happening,"
                        + " check the free disk space of the media directory. [" + describe(e) + "]",
                PAUSE);
    }

    private static Fetch byCode(GraphError error, Duration retryAfter) {
        String code = " [WhatsApp error " + error.summary() + "]";
        if (error.code() == UNKNOWN_OBJECT) {
            return new Fetch.Unavailable(gone(code), false);
        }
        return switch (GraphErrorClass.of(error.code())) {
            case RETRY ->
                error.code() == MAINTENANCE
                        ? new Fetch.RetryLater(
                                "WhatsApp is under maintenance; Sportello will fetch the file in about a minute."
                                        + code,
                                longer(retryAfter, MAINTENANCE_PAUSE))
                        : new Fetch.RetryLater(
                                "WhatsApp had a temporary problem handing over the file; Sportello will try again."
                                        + code,
                                longer(retryAfter, PAUSE));
            case RATE_LIMITED, PAIR_RATE ->
                new Fetch.RetryLater(
                        "WhatsApp asked Sportello to slow down, so the file will be fetched after a pause." + code,
                        longer(retryAfter, RATE_LIMIT_PAUSE));
            case RE_AUTH -> new Fetch.Unavailable(badToken(code), true);
            case CONFIGURATION, ACCOUNT_BLOCKED ->
                new Fetch.Unavailable(
                        "WhatsApp refused the download because of a problem with the app or number at Meta: check that"
                                + " the system user's token has the whatsapp_business_messaging permission and that"
                                + " the number is in good standing in WhatsApp Manager." + code,
                        true);
            case PERMANENT, WINDOW_CLOSED, MARKETING_LIMIT, UNKNOWN ->
                new Fetch.Unavailable(
                        "WhatsApp refused to hand over this file, so it was not downloaded." + code, false);
        };
    }

    private static String badToken(String code) {
        return "WhatsApp refused Sportello's access token, so files customers send cannot be downloaded. Create a new"
                + " system-user token (see docs/whatsapp.md), set WHATSAPP_ACCESS_TOKEN and restart Sportello." + code;
    }

    private static String gone(String code) {
        return "WhatsApp no longer has this file (media ids expire after 7 days), so it cannot be downloaded; ask the"
                + " customer to send it again if it is needed." + code;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

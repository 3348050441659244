package sportello.whatsapp.templates;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.out.MessageTemplate;
import sportello.ports.out.Templates;
import sportello.whatsapp.WhatsAppSettings;

/**
 * The approved templates of the WhatsApp Business Account, as Graph lists them. The list is kept for a while because
 * templates change rarely and staff open the picker often; when Graph cannot be asked, the last list read is served
 * (with a warning in the log) rather than none, and only without one do staff see why.
 */
public final class WhatsAppTemplates implements Templates {

    public static final Duration DEFAULT_CACHE_TIME = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(WhatsAppTemplates.class);

    private final TemplateListing listing;
    private final InstantSource clock;
    private final Duration cacheTime;
    private List<MessageTemplate> cached;
    private Instant readAt;

    /** {@code accountId} is the WhatsApp Business Account id; without one, every call says to set it. */
    public WhatsAppTemplates(WhatsAppSettings settings, String accountId, OkHttpClient http, InstantSource clock) {
        this(settings, accountId, http, clock, DEFAULT_CACHE_TIME);
    }

    public WhatsAppTemplates(
            WhatsAppSettings settings, String accountId, OkHttpClient http, InstantSource clock, Duration cacheTime) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cacheTime = Objects.requireNonNull(cacheTime, "cacheTime");
        this.listing = accountId == null || accountId.isBlank()
                ? null
                : new TemplateListing(settings, accountId.strip(), http);
    }

    @Override
    public synchronized List<MessageTemplate> approved() {
        if (listing == null) {
            throw new TemplatesUnavailable(ListingFailures.NO_ACCOUNT);
        }
        Instant now = clock.instant();
        if (cached != null && now.isBefore(readAt.plus(cacheTime))) {
            return cached;
        }
        try {
            cached = listing.approved();
            readAt = now;
            return cached;
        } catch (TemplatesUnavailable e) {
            if (cached == null) {
                throw e;
            }
            log.warn("Serving the templates listed at {}: {}", readAt, e.getMessage());
            return cached;
        }
    }

    /** Drops the list: the next call asks Graph and, if that fails, says why instead of serving the old list. */
    @Override
    public synchronized void refresh() {
        cached = null;
        readAt = null;
    }
}

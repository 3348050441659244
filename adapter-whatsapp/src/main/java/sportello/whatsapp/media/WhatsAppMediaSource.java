package sportello.whatsapp.media;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import sportello.domain.conversation.Attachment;
import sportello.ports.out.MediaSource;
import sportello.whatsapp.WhatsAppSettings;
import sportello.whatsapp.media.MediaDownload.Download;
import sportello.whatsapp.media.MediaLookup.Lookup;

/**
 * Downloads the files customers send on WhatsApp (reference §11): asks Graph for the media id's short-lived link, then
 * streams the bytes from Meta's file host into the store, checking size and SHA-256 on the way. The access token goes
 * only to the Graph host and Meta's file hosts; a link that expired in between is resolved once more.
 */
public final class WhatsAppMediaSource implements MediaSource {

    /** Meta's limit for inbound media (reference §13); larger files never reach a webhook. */
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Longer than for sends: a slow file host may pause between chunks of a large video. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String phoneNumberId;
    private final MediaLookup lookup;
    private final MediaDownload download;

    /** With a client of its own; the app passes its shared one instead. */
    public WhatsAppMediaSource(WhatsAppSettings settings) {
        this(settings, new OkHttpClient());
    }

    public WhatsAppMediaSource(WhatsAppSettings settings, OkHttpClient http) {
        this(settings, http, DEFAULT_MAX_BYTES);
    }

    /** {@code maxBytes} caps one file; larger ones are refused before or while they stream. */
    public WhatsAppMediaSource(WhatsAppSettings settings, OkHttpClient http, long maxBytes) {
        Objects.requireNonNull(settings, "settings");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        OkHttpClient client = Objects.requireNonNull(http, "http")
                .newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                // Each hop is checked by MediaDownload: OkHttp would follow a redirect to any host.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        HttpUrl graphUrl = HttpUrl.get(settings.baseUrl());
        var calls = new MetaCalls(client, settings.accessToken());
        this.phoneNumberId = settings.phoneNumberId();
        this.lookup = new MediaLookup(
                calls,
                graphUrl.newBuilder().addPathSegment(settings.apiVersion()).build());
        this.download = new MediaDownload(calls, new MediaHosts(graphUrl), maxBytes);
    }

    @Override
    public Fetch fetch(String channelAccount, Attachment attachment, Sink sink) {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(sink, "sink");
        String account = channelAccount == null || channelAccount.isBlank() ? phoneNumberId : channelAccount.strip();
        // The second round only follows an expired link: Graph hands out a fresh one for the same id.
        for (int round = 1; round <= 2; round++) {
            switch (lookup.find(account, attachment.mediaId())) {
                case Lookup.Failed(var outcome) -> {
                    return outcome;
                }
                case Lookup.Found(var file) -> {
                    String mimeType = file.mimeType().isEmpty() ? attachment.mimeType() : file.mimeType();
                    switch (download.into(file, mimeType, sink)) {
                        case Download.Stored(var media) -> {
                            return new Fetch.Fetched(media);
                        }
                        case Download.Failed(var outcome) -> {
                            return outcome;
                        }
                        case Download.Expired expired -> {}
                    }
                }
            }
        }
        return MediaFailures.expiredAgain();
    }
}

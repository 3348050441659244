package sportello.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import sportello.ports.fake.InMemoryMediaStore;
import sportello.ports.out.MediaStore;
import sportello.ports.out.StoredMedia;

/**
 * Media storage in memory whose files can {@link #vanish} while their records stay, as when someone clears the data
 * folder by hand: {@code find} still answers, {@code open} fails.
 */
public final class VanishingMediaStore implements MediaStore {

    private final InMemoryMediaStore store;
    private final Set<String> vanished = ConcurrentHashMap.newKeySet();

    public VanishingMediaStore(InstantSource clock) {
        this.store = new InMemoryMediaStore(clock);
    }

    public void vanish(String mediaId) {
        vanished.add(mediaId);
    }

    public int count() {
        return store.count();
    }

    @Override
    public StoredMedia save(String mediaId, String mimeType, InputStream content) throws IOException {
        vanished.remove(mediaId);
        return store.save(mediaId, mimeType, content);
    }

    @Override
    public Optional<StoredMedia> find(String mediaId) {
        return store.find(mediaId);
    }

    @Override
    public InputStream open(String mediaId) throws IOException {
        if (vanished.contains(mediaId)) {
            throw new IOException("file " + mediaId + " is missing on disk");
        }
        return store.open(mediaId);
    }

    @Override
    public int delete(Collection<String> mediaIds) {
        return store.delete(mediaIds);
    }

    @Override
    public int deleteStoredBefore(Instant cutoff) {
        return store.deleteStoredBefore(cutoff);
    }
}

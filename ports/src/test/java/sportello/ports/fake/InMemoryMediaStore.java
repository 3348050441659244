package sportello.ports.fake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import sportello.ports.out.MediaStore;
import sportello.ports.out.StoredMedia;

/** Media storage in a map, for tests of everything that stores or serves customer files. */
public final class InMemoryMediaStore implements MediaStore {

    private record Entry(StoredMedia media, byte[] bytes) {}

    private final Map<String, Entry> files = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public InMemoryMediaStore(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public StoredMedia save(String mediaId, String mimeType, InputStream content) throws IOException {
        byte[] bytes = content.readAllBytes();
        var media = new StoredMedia(mediaId, mimeType, bytes.length, sha256(bytes), clock.instant());
        files.put(mediaId, new Entry(media, bytes));
        return media;
    }

    @Override
    public Optional<StoredMedia> find(String mediaId) {
        return Optional.ofNullable(files.get(mediaId)).map(Entry::media);
    }

    @Override
    public InputStream open(String mediaId) throws IOException {
        var entry = files.get(mediaId);
        if (entry == null) {
            throw new IOException("no file stored as " + mediaId);
        }
        return new ByteArrayInputStream(entry.bytes());
    }

    @Override
    public int delete(Collection<String> mediaIds) {
        int deleted = 0;
        for (String id : mediaIds) {
            deleted += files.remove(id) == null ? 0 : 1;
        }
        return deleted;
    }

    @Override
    public int deleteStoredBefore(Instant cutoff) {
        var old = files.values().stream()
                .map(Entry::media)
                .filter(m -> m.storedAt().isBefore(cutoff))
                .map(StoredMedia::mediaId)
                .toList();
        return delete(old);
    }

    public int count() {
        return files.size();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

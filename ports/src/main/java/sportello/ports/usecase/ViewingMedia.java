package sportello.ports.usecase;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import sportello.ports.in.ViewMedia;
import sportello.ports.out.MediaStore;
import sportello.ports.out.StoredMedia;

/** Serves stored customer files to staff, straight from media storage. */
public final class ViewingMedia implements ViewMedia {

    private final MediaStore store;

    public ViewingMedia(MediaStore store) {
        this.store = store;
    }

    @Override
    public Optional<StoredMedia> find(String mediaId) {
        return store.find(mediaId);
    }

    @Override
    public InputStream open(String mediaId) throws IOException {
        return store.open(mediaId);
    }
}

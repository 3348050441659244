package sportello.ports.in;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import sportello.ports.out.StoredMedia;

/** Driving port: staff open the files customers sent. */
public interface ViewMedia {

    Optional<StoredMedia> find(String mediaId);

    /** @throws IOException when the file is not stored or cannot be read */
    InputStream open(String mediaId) throws IOException;
}

package sportello.openai;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.MessageKind;
import sportello.openai.wire.Turn;
import sportello.ports.out.MediaStore;
import sportello.ports.out.StoredMedia;

/**
 * The photos a model sees: those the customer sent since the last message to them, the ones being answered, read
 * from media storage. Older photos stay their caption: the model answered them already, and resending megabytes on
 * every turn would cost far more than the words. Only what OpenAI reads as {@code input_image} goes (JPEG, PNG,
 * WebP, GIF), a few per turn and none too big, so one burst of photos cannot blow up a request. A photo that cannot
 * be had stays its caption; it never costs the customer the reply.
 */
final class Photos {

    static final int MAX_PER_TURN = 4;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");

    /** No photos: no media storage, or a model that reads text only. */
    static final Photos NONE = new Photos(null);

    private static final Logger log = LoggerFactory.getLogger(Photos.class);

    private final MediaStore store;

    private Photos(MediaStore store) {
        this.store = store;
    }

    /** Photos from {@code store} (null: none) if {@code model} reads images ({@link ModelFamily#acceptsImages}). */
    static Photos of(MediaStore store, String model) {
        return store != null && ModelFamily.acceptsImages(model) ? new Photos(store) : NONE;
    }

    /**
     * The stored photos of the messages being answered, by message id, oldest first: the newest {@link
     * #MAX_PER_TURN} of a type and size the model takes. Reads only what storage knows about the files.
     */
    Map<String, StoredMedia> toShow(Conversation conversation) {
        if (store == null) {
            return Map.of();
        }
        List<Message> messages = conversation.messages();
        int lastToCustomer = messages.size() - 1;
        while (lastToCustomer >= 0 && messages.get(lastToCustomer).direction() != Direction.OUT) {
            lastToCustomer--;
        }
        List<Map.Entry<String, StoredMedia>> found = new ArrayList<>();
        try {
            for (Message message : messages.subList(lastToCustomer + 1, messages.size())) {
                showable(message).ifPresent(media -> found.add(Map.entry(message.id(), media)));
            }
        } catch (RuntimeException e) {
            log.warn("Photos of conversation {} not shown: media storage failed: {}", conversation.id(), e.toString());
            return Map.of();
        }
        Map<String, StoredMedia> shown = new LinkedHashMap<>();
        found.subList(Math.max(0, found.size() - MAX_PER_TURN), found.size())
                .forEach(entry -> shown.put(entry.getKey(), entry.getValue()));
        return shown;
    }

    /** The photo's bytes as the model takes them; empty if the file cannot be read or has grown too big. */
    Optional<Turn.Image> read(StoredMedia media) {
        try (InputStream in = store.open(media.mediaId())) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Turn.Image(type(media), Base64.getEncoder().encodeToString(bytes)));
        } catch (IOException | RuntimeException e) {
            log.warn("Photo {} not shown to the model: {}", media.mediaId(), e.toString());
            return Optional.empty();
        }
    }

    private Optional<StoredMedia> showable(Message message) {
        if (message.kind() != MessageKind.IMAGE || message.attachmentValue().isEmpty()) {
            return Optional.empty();
        }
        return store.find(message.attachmentValue().get().mediaId())
                .filter(media -> TYPES.contains(type(media)) && media.size() <= MAX_BYTES);
    }

    /** The type the file was stored with, without parameters such as a charset. */
    private static String type(StoredMedia media) {
        String type = media.mimeType();
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}

package sportello.openai;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.MessageKind;
import sportello.ports.fake.InMemoryMediaStore;

/** Conversations with customer photos, and the media storage holding them (fixtures/openai/photos). */
final class PhotoConversations {

    /** A minimal JPEG: start of image, a JFIF header, end of image. */
    static final byte[] JPEG = bytes(
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
            0x00, 0x00, 0xFF, 0xD9);

    /** A PNG signature and the start of its header chunk. */
    static final byte[] PNG = bytes(
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
            0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00);

    final InMemoryMediaStore store = new InMemoryMediaStore(InstantSource.fixed(TestConversations.START));

    /**
     * The scenario of request-photo-turn-input.json: a photo answered before, then the vase arrives broken, two
     * photos (the second without a caption) and a question, all waiting for the reply.
     */
    Conversation brokenVase() {
        store("media-ordine", "image/jpeg", JPEG);
        store("media-vaso", "image/jpeg", JPEG);
        store("media-imballo", "image/png", PNG);
        var messages = new ArrayList<Message>();
        messages.add(photo(0, "media-ordine", "image/jpeg", "Questo è il vaso che ho ordinato"));
        messages.add(Message.outbound(
                "out-1",
                Author.BOT,
                "Sì, è il vaso Mare in blu: arriva in 3–5 giorni lavorativi.",
                TestConversations.START.plusSeconds(10)));
        messages.add(TestConversations.inbound(20, MessageKind.TEXT, "Mi è arrivato, ma è rotto."));
        messages.add(photo(30, "media-vaso", "image/jpeg", "Ecco il vaso"));
        messages.add(photo(40, "media-imballo", "image/png", ""));
        messages.add(TestConversations.inbound(50, MessageKind.TEXT, "Come posso fare il reso?"));
        return TestConversations.withProfile(messages, Map.of());
    }

    /** {@code count} captioned photos in a row, all stored, each its own JPEG; captions "foto 0", "foto 1", ... */
    Conversation photosInARow(int count) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            store("media-" + i, "image/jpeg", jpegNumbered(i));
            messages.add(photo(i * 10, "media-" + i, "image/jpeg", "foto " + i));
        }
        return TestConversations.withProfile(messages, Map.of());
    }

    /** A JPEG that differs from the others in one byte, so each photo is told apart in the request. */
    static byte[] jpegNumbered(int number) {
        byte[] bytes = JPEG.clone();
        bytes[bytes.length - 3] = (byte) number;
        return bytes;
    }

    void store(String mediaId, String mimeType, byte[] bytes) {
        try {
            store.save(mediaId, mimeType, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A customer photo message; {@code caption} may be empty. */
    static Message photo(int secondsAfterStart, String mediaId, String mimeType, String caption) {
        var at = TestConversations.START.plusSeconds(secondsAfterStart);
        return Message.inbound(
                "in-" + secondsAfterStart,
                new CustomerMessage(
                        "39054600000",
                        "wamid." + secondsAfterStart,
                        TestConversations.giulia(),
                        MessageKind.IMAGE,
                        caption,
                        at,
                        "{}",
                        new Attachment(mediaId, mimeType, null)));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}

package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.ports.fake.ManualClock;

/** What the media store does on disk: names it makes itself, nothing left half-written, no file without its row. */
class SqliteMediaStoreTest {

    private static final byte[] PHOTO = "SPORTELLO-TEST-IMAGE".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.at("2026-11-25T09:00:00Z");
    private SqliteDatabase database;
    private Path media;
    private SqliteMediaStore store;

    @BeforeEach
    void setUp() {
        database = SqliteDatabase.migrated(dir.resolve("data/sportello.db"));
        media = dir.resolve("data/media");
        store = new SqliteMediaStore(database, media, clock);
    }

    private static InputStream bytes(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    /** Every file anywhere under the test directory, relative to it. */
    private List<String> allFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> dir.relativize(path).toString())
                    .toList();
        }
    }

    private List<String> mediaFiles() throws IOException {
        try (Stream<Path> paths = Files.list(media)) {
            return paths.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static InputStream breaksOffAfter(int bytes) {
        return new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ >= bytes) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
    }

    @Test
    void mediaIdThatLooksLikeAPath_isStoredInsideTheMediaDirectory() throws IOException {
        store.save("../../etc/passwd", "text/plain", bytes(PHOTO));

        assertThat(allFiles())
                .filteredOn(file -> !file.startsWith("data/sportello.db"))
                .singleElement()
                .satisfies(file -> assertThat(file).startsWith("data/media/").doesNotContain("passwd", ".."));
        assertThat(Files.exists(dir.resolve("data/media/../../etc/passwd"))).isFalse();
        try (var in = store.open("../../etc/passwd")) {
            assertThat(in.readAllBytes()).isEqualTo(PHOTO);
        }
    }

    @Test
    void oddMediaIds_eachGetAFileOfTheirOwn() throws IOException {
        var ids = List.of(
                "/etc/passwd", "..", "a/b\\c", "nul\u0000byte", "CON", "è€😀", "x".repeat(1000), "1203948576102938");
        for (String id : ids) {
            store.save(id, "application/octet-stream", bytes(id.getBytes(StandardCharsets.UTF_8)));
        }

        for (String id : ids) {
            try (var in = store.open(id)) {
                assertThat(in.readAllBytes()).as(id).isEqualTo(id.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(mediaFiles())
                .hasSize(ids.size())
                .allSatisfy(name -> assertThat(name).matches("[0-9a-f-]{97}"));
    }

    @Test
    void saveThatBreaksOff_leavesNoFileAndNoRow() throws IOException {
        store.save("kept", "image/jpeg", bytes(PHOTO));

        assertThatThrownBy(() -> store.save("broken", "audio/ogg", breaksOffAfter(200_000)))
                .isInstanceOf(IOException.class)
                .hasMessage("connection reset");

        assertThat(mediaFiles()).hasSize(1);
        assertThat(store.find("broken")).isEmpty();
        assertThat(count("SELECT count(*) FROM media_file")).isEqualTo(1);
    }

    @Test
    void saveWhoseRowCannotBeWritten_leavesNoFile() throws IOException {
        database.useWriteTransaction(
                "break saving",
                handle -> handle.execute("CREATE TRIGGER no_media BEFORE INSERT ON media_file"
                        + " BEGIN SELECT RAISE(ABORT, 'refused by test'); END"));

        assertThatThrownBy(() -> store.save("photo", "image/jpeg", bytes(PHOTO)))
                .hasMessageContaining("refused by test");

        assertThat(mediaFiles()).isEmpty();
    }

    @Test
    void savingTheSameIdAgain_leavesOnlyTheNewFile() throws IOException {
        store.save("doc", "application/pdf", bytes(new byte[] {1, 2, 3}));
        store.save("doc", "application/pdf", bytes(PHOTO));

        assertThat(mediaFiles()).hasSize(1);
        assertThat(Files.readAllBytes(media.resolve(mediaFiles().getFirst()))).isEqualTo(PHOTO);
    }

    @Test
    void fileDeletedByHand_isNotFound_soItIsDownloadedAgain() throws IOException {
        store.save("photo", "image/jpeg", bytes(PHOTO));
        Files.delete(media.resolve(mediaFiles().getFirst()));

        assertThat(store.find("photo")).isEmpty();
        assertThatThrownBy(() -> store.open("photo")).isInstanceOf(IOException.class);
    }

    @Test
    void erasure_deletesTheFilesFromTheDisk() throws IOException {
        store.save("a", "image/jpeg", bytes(PHOTO));
        store.save("b", "image/jpeg", bytes(PHOTO));

        store.delete(List.of("a", "b"));

        assertThat(mediaFiles()).isEmpty();
        assertThat(count("SELECT count(*) FROM media_file")).isZero();
    }

    @Test
    void erasureOfManyIds_findsTheStoredOnesInEveryBatch() throws IOException {
        store.save("first", "image/jpeg", bytes(PHOTO));
        store.save("last", "image/jpeg", bytes(PHOTO));
        var ids = new ArrayList<String>();
        ids.add("first");
        for (int i = 0; i < SqliteMediaStore.BATCH * 2; i++) {
            ids.add("never-stored-" + i);
        }
        ids.add("last");

        assertThat(store.delete(ids)).isEqualTo(2);

        assertThat(mediaFiles()).isEmpty();
    }

    @Test
    void opening_deletesWhatInterruptedSavesLeft_andKeepsFilesNoRowNames() throws IOException {
        store.save("photo", "image/jpeg", bytes(PHOTO));
        String kept = mediaFiles().getFirst();
        String unnamed = "a".repeat(64) + "-" + "b".repeat(32);
        Files.write(media.resolve("upload-" + "0".repeat(32) + ".part"), new byte[] {1});
        Files.write(media.resolve(unnamed), new byte[] {2});
        Files.write(media.resolve("notes.txt"), new byte[] {3});

        var reopened = new SqliteMediaStore(database, media, clock);

        // a file without its row may be the only copy, e.g. after the database was restored from a backup
        assertThat(mediaFiles()).containsExactlyInAnyOrder(kept, unnamed, "notes.txt");
        try (var in = reopened.open("photo")) {
            assertThat(in.readAllBytes()).isEqualTo(PHOTO);
        }
    }

    private int count(String sql) {
        return database.inReadTransaction(
                "count", handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }
}

package sportello.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.out.MediaStore;
import sportello.ports.out.StorageUnavailable;
import sportello.ports.out.StoredMedia;
import sportello.sql.MediaFiles;
import sportello.sql.MediaRow;
import sportello.sql.Timestamps;

/**
 * Customer files in one directory (DATA_DIR/media), each described by a {@code media_file} row. Instances sharing the
 * database must share the directory too (a network or shared volume): a row written by one names a file another
 * serves.
 *
 * <p>The row is the commit point: a file is written and synced under a temporary name, renamed to a final name of its
 * own ({@link MediaFiles}), and only then named by a row, so a file that broke off half-way, or whose save crashed
 * before its row, is never served. Erasing goes the other way, file first, and a row whose file is gone is not found,
 * so a failure in between never serves a half-erased file either.
 *
 * <p>On opening, the store deletes the temporary files of saves a crash interrupted, once they are an hour old, so a
 * store opened by another instance never takes a save in progress for such a leftover.
 */
public final class PostgresMediaStore implements MediaStore {

    /** Rows forgotten per write transaction, so a large erasure never holds many row locks for long. */
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(PostgresMediaStore.class);

    private final PostgresDatabase database;
    private final MediaFiles files;
    private final InstantSource clock;

    /**
     * Opens the media directory {@code directory} (created if needed; typically DATA_DIR/media) and deletes what
     * interrupted saves left in it. {@code clock} dates the stored files, which retention goes by.
     */
    public PostgresMediaStore(PostgresDatabase database, Path directory, InstantSource clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.files = new MediaFiles(Objects.requireNonNull(directory, "directory"), MediaFiles.SHARED_UNFINISHED_AFTER);
        this.clock = Objects.requireNonNull(clock, "clock");
        deleteUnfinished();
    }

    @Override
    public StoredMedia save(String mediaId, String mimeType, InputStream content) throws IOException {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
        var written = files.write(content);
        String name = files.publish(written, mediaId);
        var media = new StoredMedia(mediaId, mimeType, written.size(), written.sha256(), clock.instant());
        Optional<String> replaced;
        try {
            replaced = database.inWriteTransaction("record a media file", handle -> record(handle, media, name));
        } catch (RuntimeException e) {
            files.discard(name, e);
            throw e;
        }
        replaced.ifPresent(this::deleteReplaced);
        return media;
    }

    @Override
    public Optional<StoredMedia> find(String mediaId) {
        return row(mediaId).filter(row -> files.exists(row.fileName())).map(MediaRow::media);
    }

    @Override
    public InputStream open(String mediaId) throws IOException {
        var row = row(mediaId).orElseThrow(() -> new NoSuchFileException(mediaId, null, "no media file stored"));
        return files.read(row.fileName());
    }

    @Override
    public int delete(Collection<String> mediaIds) {
        var ids = List.copyOf(new LinkedHashSet<>(mediaIds));
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            var chunk = ids.subList(from, Math.min(from + BATCH, ids.size()));
            var rows = database.readOneStatement(
                    "find media files to erase",
                    handle -> handle.createQuery(
                                    "SELECT " + MediaRow.COLUMNS + " FROM media_file WHERE media_id IN (<ids>)")
                            .bindList("ids", chunk)
                            .map(MediaRow::map)
                            .list());
            deleted += forget("erase media files", rows);
        }
        return deleted;
    }

    @Override
    public int deleteStoredBefore(Instant cutoff) {
        String before = Timestamps.text(Objects.requireNonNull(cutoff, "cutoff"));
        int deleted = 0;
        List<MediaRow> rows;
        do {
            rows = database.readOneStatement(
                    "find media files stored before " + cutoff,
                    handle -> handle.createQuery("SELECT " + MediaRow.COLUMNS
                                    + " FROM media_file WHERE stored_at < :before ORDER BY stored_at LIMIT :limit")
                            .bind("before", before)
                            .bind("limit", BATCH)
                            .map(MediaRow::map)
                            .list());
            deleted += forget("forget media files stored before " + cutoff, rows);
        } while (rows.size() == BATCH);
        return deleted;
    }

    private Optional<MediaRow> row(String mediaId) {
        return database.readOneStatement(
                "find a media file",
                handle -> handle.createQuery("SELECT " + MediaRow.COLUMNS + " FROM media_file WHERE media_id = :id")
                        .bind("id", mediaId)
                        .map(MediaRow::map)
                        .findOne());
    }

    /** Names the new file in the row of {@code media}; returns the file the row named before, if any. */
    private static Optional<String> record(Handle handle, StoredMedia media, String name) {
        // two instances saving the same file at once: the second must see the first's file, to delete it
        PostgresDatabase.lock(handle, Locks.MEDIA, media.mediaId());
        var previous = handle.createQuery("SELECT file_name FROM media_file WHERE media_id = :id")
                .bind("id", media.mediaId())
                .mapTo(String.class)
                .findOne();
        handle.createUpdate("INSERT INTO media_file (media_id, mime_type, size, sha256, stored_at, file_name)"
                        + " VALUES (:id, :mimeType, :size, :sha256, :storedAt, :fileName)"
                        + " ON CONFLICT (media_id) DO UPDATE SET mime_type = excluded.mime_type,"
                        + " size = excluded.size, sha256 = excluded.sha256, stored_at = excluded.stored_at,"
                        + " file_name = excluded.file_name")
                .bind("id", media.mediaId())
                .bind("mimeType", media.mimeType())
                .bind("size", media.size())
                .bind("sha256", media.sha256())
                .bind("storedAt", Timestamps.text(media.storedAt()))
                .bind("fileName", name)
                .execute();
        return previous;
    }

    /**
     * The earlier copy is no longer served, so failing to delete it loses nothing: it stays on disk unseen, and the
     * warning names it for whoever frees space.
     */
    private void deleteReplaced(String name) {
        try {
            files.delete(name);
        } catch (IOException e) {
            log.warn("could not delete the replaced media file {} in {}: {}", name, files.directory(), e.toString());
        }
    }

    /**
     * Deletes the files, then their rows. A row is deleted only if it still names the file deleted: a save of the
     * same id that came in between keeps its new file.
     */
    private int forget(String action, List<MediaRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        for (MediaRow row : rows) {
            try {
                files.delete(row.fileName());
            } catch (IOException e) {
                throw new StorageUnavailable(
                        "could not " + action + ": the file " + row.fileName() + " in " + files.directory()
                                + " cannot be deleted; make the media directory writable by the user running"
                                + " Sportello, then try again",
                        e);
            }
        }
        return database.inWriteTransaction(action, handle -> {
            var batch = handle.prepareBatch("DELETE FROM media_file WHERE media_id = :id AND file_name = :fileName");
            rows.forEach(row -> batch.bind("id", row.media().mediaId())
                    .bind("fileName", row.fileName())
                    .add());
            int deleted = 0;
            for (int count : batch.execute()) {
                deleted += count;
            }
            return deleted;
        });
    }

    private void deleteUnfinished() {
        try {
            int deleted = files.deleteUnfinished();
            if (deleted > 0) {
                log.info("deleted {} media files that interrupted saves left in {}", deleted, files.directory());
            }
        } catch (IOException e) {
            throw new StorageUnavailable(
                    "could not clean up the media directory " + files.directory()
                            + ": check that it exists and is readable and writable by the user running Sportello",
                    e);
        }
    }
}

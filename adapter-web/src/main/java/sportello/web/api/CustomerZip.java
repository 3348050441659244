package sportello.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.Message;
import sportello.ports.in.ViewMedia;
import sportello.ports.out.CustomerRecords.CustomerExport;
import sportello.web.media.FileNames;

/**
 * The zip of a GDPR export, written as it streams out: the files the customer sent under {@code media/}, then
 * {@code customer.json} (which points each message to its file), then {@code README.txt}, which explains it all and
 * lists the files that are no longer stored. Files go first so that a file found missing only while reading it is
 * still reported as missing.
 */
final class CustomerZip {

    static final String README = """
            Sportello: everything stored about one customer (GDPR right of access)
            Sportello: tutti i dati conservati su un cliente (diritto di accesso, GDPR)

            customer.json
              conversationId      the conversation's id in Sportello
              customer            WhatsApp user id, phone number, WhatsApp name and name
              mode                who answered at the time of the export: BOT or HUMAN (staff)
              profile             what Sportello recorded about the customer; "source" is the id of the
                                  customer's message it came from, or "staff" when staff entered it
              attention           why staff were asked to look, if they were
              messages            every message in both directions: direction, author, kind, text,
                                  delivery status and time (UTC); "media" describes the file that came
                                  with a message, and "media.file" is where it is in this zip
              modelUsage          the AI model calls made to answer this customer, with tokens and cost
              rawChannelPayloads  the customer's messages exactly as WhatsApp delivered them

            media/
              The files the customer sent (images, voice notes, videos, documents), exactly as
              Sportello stored them, named as the customer named them or after WhatsApp's id.
              I file inviati dal cliente (immagini, messaggi vocali, video, documenti), così come
              Sportello li ha conservati, con il nome dato dal cliente o con l'id di WhatsApp.
            """;

    static final String ALL_FILES = """

            Every file the customer sent is included.
            Tutti i file inviati dal cliente sono inclusi.
            """;

    static final String MISSING_FILES = """

            Files no longer stored, listed by message (not downloaded from WhatsApp in time, or
            deleted at the end of the retention period):
            File non più conservati, elencati per messaggio (non scaricati da WhatsApp in tempo,
            o cancellati alla fine del periodo di conservazione):
            """;

    private final ViewMedia media;
    private final ObjectMapper json;

    CustomerZip(ViewMedia media, ObjectMapper json) {
        this.media = media;
        this.json = json;
    }

    void write(CustomerExport export, Instant now, OutputStream out) throws IOException {
        try (var zip = new ZipOutputStream(new BufferedOutputStream(out), StandardCharsets.UTF_8)) {
            var included = new LinkedHashMap<String, String>(); // media id -> path in the zip
            var missing = new ArrayList<Message>();
            var names = new HashSet<String>();
            for (var message : export.conversation().messages()) {
                var attachment = message.attachmentValue();
                if (attachment.isEmpty()
                        || included.containsKey(attachment.get().mediaId())) {
                    continue; // the same file sent twice is in the zip once
                }
                var path = copy(attachment.get(), names, zip);
                if (path.isEmpty()) {
                    missing.add(message);
                } else {
                    included.put(attachment.get().mediaId(), path);
                }
            }
            zip.putNextEntry(new ZipEntry("customer.json"));
            zip.write(json.writer()
                    .with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(CustomerExportJson.of(export, now, json, included)));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(readme(missing).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** Copies one stored file into the zip; its path there, or empty when it is not stored (any more). */
    private String copy(Attachment attachment, Set<String> names, ZipOutputStream zip) throws IOException {
        var stored = media.find(attachment.mediaId());
        if (stored.isEmpty()) {
            return "";
        }
        InputStream content;
        try {
            content = media.open(attachment.mediaId());
        } catch (IOException e) {
            return ""; // recorded but gone from the disk: as good as not stored
        }
        String path = "media/"
                + unique(
                        FileNames.safe(
                                attachment.fileName(),
                                attachment.mediaId(),
                                stored.get().mimeType()),
                        names);
        try (content) {
            zip.putNextEntry(new ZipEntry(path));
            content.transferTo(zip);
            zip.closeEntry();
        }
        return path;
    }

    /** {@code scontrino.jpg}, then {@code scontrino-2.jpg}: two files may carry the same name. */
    static String unique(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + "-" + n + extension;
        }
        return candidate;
    }

    static String readme(List<Message> missing) {
        if (missing.isEmpty()) {
            return README + ALL_FILES;
        }
        var text = new StringBuilder(README).append(MISSING_FILES);
        for (var message : missing) {
            var attachment = message.attachmentValue().orElseThrow();
            text.append("  - message ")
                    .append(message.id())
                    .append(" (")
                    .append(message.kind().name().toLowerCase(Locale.ROOT))
                    .append(", ")
                    .append(message.at())
                    .append("): ")
                    .append(FileNames.safe(attachment.fileName(), attachment.mediaId(), attachment.mimeType()))
                    .append(", ")
                    .append(MediaApi.contentType(attachment.mimeType()))
                    .append('\n');
        }
        return text.toString();
    }
}

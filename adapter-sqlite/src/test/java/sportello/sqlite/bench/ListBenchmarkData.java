package sportello.sqlite.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.sqlite.SQLiteDataSource;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.Mode;

/**
 * The data of the list benchmarks: 100,000 conversations and 1,000,000 messages written with plain batched SQL (the
 * denormalised columns as the adapter's save writes them), from a fixed seed, so every benchmark that uses it reads
 * the same data and a file kept by one can be reused by another. Used by {@link ListBenchmark} (storage) and by the
 * web adapter's list benchmark over HTTP (through this module's test-jar).
 */
public final class ListBenchmarkData {

    public static final int CONVERSATIONS = 100_000;
    public static final int MESSAGES = 1_000_000;
    public static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final String[] FIRST = {
        "Giulia",
        "Marco",
        "Chiara",
        "Luca",
        "Francesca",
        "Alessandro",
        "Sara",
        "Matteo",
        "Elena",
        "Davide",
        "Anna",
        "Paolo",
        "Laura",
        "Simone",
        "Valentina",
        "Andrea",
        "Martina",
        "Federico",
        "Giorgia",
        "Stefano"
    };
    private static final String[] LAST = {
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti"
    };
    private static final String[] ASKS = {
        "Buongiorno, a che punto è il mio ordine?",
        "Avete la taglia M in blu?",
        "Vorrei fare un reso, come funziona?",
        "Quanto costa la spedizione in Sardegna?",
        "Grazie mille!",
        "Il pacco risulta consegnato ma non l'ho ricevuto",
        "Posso cambiare l'indirizzo di consegna?",
        "Hi, do you ship to Germany?"
    };
    private static final String[] REASONS = {
        "Handoff requested", "Agent failed", "Delivery failed", "Complaint", "Refund over limit"
    };

    private ListBenchmarkData() {}

    public static final class Filled {
        public long messages;
        public long usageRows;
        public String oldOrderNumber;
        public ConversationId fiftyMessages;

        /** What a kept database holds, found the slow way. */
        public static Filled read(Path file) throws SQLException {
            var filled = new Filled();
            var source = new SQLiteDataSource();
            source.setUrl("jdbc:sqlite:" + file);
            try (Connection c = source.getConnection();
                    var sql = c.createStatement()) {
                try (var rs =
                        sql.executeQuery("SELECT (SELECT count(*) FROM message), (SELECT count(*) FROM model_usage)")) {
                    rs.next();
                    filled.messages = rs.getLong(1);
                    filled.usageRows = rs.getLong(2);
                }
                try (var rs = sql.executeQuery(
                        "SELECT p.value FROM profile_value p JOIN message m"
                                + " ON m.conversation_id = p.conversation_id WHERE p.field = 'orderNumber' ORDER BY m.at LIMIT 1")) {
                    rs.next();
                    filled.oldOrderNumber = rs.getString(1);
                }
                try (var rs = sql.executeQuery("SELECT conversation_id FROM message GROUP BY conversation_id"
                        + " HAVING count(*) = 50 LIMIT 1")) {
                    rs.next();
                    filled.fiftyMessages = new ConversationId(rs.getString(1));
                }
            }
            return filled;
        }
    }

    /** Plain batched inserts in one transaction; the denormalised columns are written as the adapter's save does. */
    public static Filled fill(Path file) throws SQLException {
        var random = new Random(20261125L);
        int[] counts = messageCounts(random);
        var filled = new Filled();
        var source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        try (Connection c = source.getConnection()) {
            try (var pragma = c.createStatement()) {
                pragma.execute("PRAGMA synchronous = OFF");
                pragma.execute("PRAGMA foreign_keys = OFF");
                pragma.execute("PRAGMA cache_size = -200000");
            }
            c.setAutoCommit(false);
            try (var conversation = c.prepareStatement("INSERT INTO conversation (id, customer_key, user_id, phone,"
                            + " display_name, mode, attention_reason, attention_since, last_message_at,"
                            + " last_message_text, last_inbound_at, profile_name, profile_complete, search_text,"
                            + " staff_seen_at, unread) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    var message = c.prepareStatement("INSERT INTO message (id, conversation_id, channel_message_id,"
                            + " direction, author, kind, text, at, delivery_state, send_state, attempts, due_at, prev_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    var profile = c.prepareStatement("INSERT INTO profile_value (conversation_id, field, value,"
                            + " source, recorded_at) VALUES (?, ?, ?, ?, ?)");
                    var attention = c.prepareStatement(
                            "INSERT INTO attention_event (conversation_id, reason, at) VALUES (?, ?, ?)");
                    var usage = c.prepareStatement("INSERT INTO model_usage (conversation_id, model, input_tokens,"
                            + " cached_tokens, output_tokens, cost_usd, at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    var turn = c.prepareStatement("INSERT INTO customer_turn (conversation_id, asked_at,"
                            + " answered_at, answered_by, response_nanos) VALUES (?, ?, ?, ?, ?)")) {
                var statements = List.of(conversation, message, profile, attention, usage, turn);
                var writers = new Writers(message, profile, attention, usage, turn);
                long oldest = Long.MAX_VALUE;
                for (int i = 0; i < CONVERSATIONS; i++) {
                    var built = conversation(i, counts[i], random, writers, filled);
                    bindConversation(conversation, built);
                    if (built.orderNumber != null && built.start.getEpochSecond() < oldest) {
                        oldest = built.start.getEpochSecond();
                        filled.oldOrderNumber = built.orderNumber;
                    }
                    if (counts[i] == 50 && filled.fiftyMessages == null) {
                        filled.fiftyMessages = new ConversationId(built.id);
                    }
                    if (i % 2_000 == 1_999) {
                        for (PreparedStatement s : statements) {
                            s.executeBatch();
                        }
                    }
                }
                for (PreparedStatement s : statements) {
                    s.executeBatch();
                }
            }
            c.commit();
        }
        return filled;
    }

    /** Mostly short exchanges, some long ones: 2 + exponential, adjusted so the total is exactly 1,000,000. */
    private static int[] messageCounts(Random random) {
        int[] counts = new int[CONVERSATIONS];
        long total = 0;
        for (int i = 0; i < CONVERSATIONS; i++) {
            counts[i] = Math.min(400, 2 + (int) (-Math.log(1 - random.nextDouble()) * 7.5));
            total += counts[i];
        }
        counts[0] = 50;
        total = Arrays.stream(counts).asLongStream().sum();
        while (total != MESSAGES) {
            int i = 1 + random.nextInt(CONVERSATIONS - 1);
            if (total < MESSAGES) {
                counts[i]++;
                total++;
            } else if (counts[i] > 2) {
                counts[i]--;
                total--;
            }
        }
        return counts;
    }

    private static final class Built {
        String id;
        String userId;
        String phone;
        String displayName;
        Mode mode;
        String reason;
        Instant reasonSince;
        Instant start;
        Instant lastAt;
        String lastText;
        Instant lastInboundAt;
        String profileName;
        String email;
        String orderNumber;
        Instant seenAt;
        int unread;
        Instant openTurn;
        final List<Instant> inbound = new ArrayList<>();
    }

    private record Writers(
            PreparedStatement message,
            PreparedStatement profile,
            PreparedStatement attention,
            PreparedStatement usage,
            PreparedStatement turn) {}

    private static Built conversation(int index, int count, Random random, Writers writers, Filled filled)
            throws SQLException {
        var message = writers.message();
        var profile = writers.profile();
        var attention = writers.attention();
        var usage = writers.usage();
        var b = new Built();
        b.id = new UUID(random.nextLong(), random.nextLong()).toString();
        b.userId = "IT." + String.format(Locale.ROOT, "%016d", Math.abs(random.nextLong() % 10_000_000_000_000_000L));
        b.phone = random.nextInt(10) < 9
                ? "393" + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000))
                : null;
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        b.displayName = random.nextInt(10) < 8 ? first + (random.nextBoolean() ? " " + last : "") : null;
        b.mode = random.nextInt(100) < 8 ? Mode.HUMAN : Mode.BOT;
        b.start = NOW.minusSeconds((long) (random.nextDouble() * 365 * 24 * 3600));

        Instant t = b.start;
        int written = 0;
        while (written < count) {
            int asks = Math.min(count - written, 1 + (random.nextInt(3) == 0 ? 1 : 0));
            for (int k = 0; k < asks; k++) {
                String kind = kind(random);
                String text = kind.equals("TEXT") ? ASKS[random.nextInt(ASKS.length)] : "";
                insertMessage(message, b, "IN", "CUSTOMER", kind, text, t, random);
                b.inbound.add(t);
                boolean expectsAnswer = !kind.equals("REACTION") && !kind.equals("STICKER");
                if (expectsAnswer && b.openTurn == null) {
                    b.openTurn = t;
                }
                written++;
                t = t.plusSeconds(5 + random.nextInt(55));
            }
            if (written < count && (written + 1 < count || random.nextInt(4) > 0)) {
                boolean staff = b.mode == Mode.HUMAN || random.nextInt(20) == 0;
                t = t.plusSeconds(staff ? 60 + random.nextInt(1800) : 2 + random.nextInt(18));
                insertMessage(
                        message, b, "OUT", staff ? "STAFF" : "BOT", "TEXT", "Certo, controllo subito.", t, random);
                written++;
                if (b.openTurn != null) {
                    insertTurn(writers.turn(), b, t, staff ? "STAFF" : "BOT");
                }
                if (!staff) {
                    int input = 1200 + random.nextInt(1500);
                    int cached = random.nextBoolean() ? 1024 : 0;
                    int output = 20 + random.nextInt(150);
                    var cost = BigDecimal.valueOf(input - cached, 0)
                            .multiply(new BigDecimal("0.0000004"))
                            .add(BigDecimal.valueOf(cached).multiply(new BigDecimal("0.0000001")))
                            .add(BigDecimal.valueOf(output).multiply(new BigDecimal("0.0000016")));
                    usage.setString(1, b.id);
                    usage.setString(2, "gpt-4.1-mini");
                    usage.setLong(3, input);
                    usage.setLong(4, cached);
                    usage.setLong(5, output);
                    usage.setString(6, cost.toString());
                    usage.setString(7, STORED.format(t));
                    usage.addBatch();
                    filled.usageRows++;
                }
            }
            t = t.plusSeconds(random.nextInt(10) == 0 ? 86_400L * (1 + random.nextInt(20)) : 60 + random.nextInt(7200));
        }
        filled.messages += count;
        if (b.openTurn != null) {
            insertTurn(writers.turn(), b, null, null);
        }

        if (random.nextInt(100) < 50) {
            b.profileName = first + " " + last;
            insertProfile(profile, b, "name", b.profileName);
        }
        if (random.nextInt(100) < 40) {
            b.email = (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '.') + index + "@example.it";
            insertProfile(profile, b, "email", b.email);
        }
        if (random.nextInt(100) < 35) {
            b.orderNumber = String.valueOf(4_000_000 + index * 7L);
            insertProfile(profile, b, "orderNumber", b.orderNumber);
        }
        if (random.nextInt(100) < 10) { // a handoff in the past, dealt with
            attention.setString(1, b.id);
            attention.setString(2, REASONS[random.nextInt(REASONS.length)]);
            attention.setString(3, STORED.format(b.start.plusSeconds(30)));
            attention.addBatch();
        }
        if (random.nextInt(100) < 2) { // still waiting for staff
            b.reason = REASONS[random.nextInt(REASONS.length)];
            b.reasonSince = b.lastAt;
            attention.setString(1, b.id);
            attention.setString(2, b.reason);
            attention.setString(3, STORED.format(b.reasonSince));
            attention.addBatch();
        }
        if (random.nextInt(100) < 60) {
            b.seenAt = b.lastAt.minusSeconds(random.nextInt(3600));
        }
        Instant seen = b.seenAt;
        b.unread = (int) b.inbound.stream()
                .filter(at -> seen == null || at.isAfter(seen))
                .count();
        b.lastInboundAt = b.inbound.stream().max(Comparator.naturalOrder()).orElse(null);
        return b;
    }

    private static String kind(Random random) {
        int r = random.nextInt(100);
        if (r < 88) {
            return "TEXT";
        } else if (r < 93) {
            return "IMAGE";
        } else if (r < 96) {
            return "AUDIO";
        } else if (r < 98) {
            return "REACTION";
        } else if (r < 99) {
            return "STICKER";
        }
        return "DOCUMENT";
    }

    private static void insertMessage(
            PreparedStatement s,
            Built b,
            String direction,
            String author,
            String kind,
            String text,
            Instant at,
            Random random)
            throws SQLException {
        boolean in = direction.equals("IN");
        s.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
        s.setString(2, b.id);
        s.setString(3, "wamid." + Long.toHexString(random.nextLong()));
        s.setString(4, direction);
        s.setString(5, author);
        s.setString(6, kind);
        s.setString(7, text);
        s.setString(8, STORED.format(at));
        s.setString(9, in ? "DELIVERED" : null);
        s.setString(10, in ? null : "accepted");
        s.setInt(11, in ? 0 : 1);
        s.setString(12, in ? null : STORED.format(at));
        s.setString(13, b.lastAt == null ? null : STORED.format(b.lastAt));
        s.addBatch();
        b.lastAt = at;
        b.lastText = text;
    }

    private static void insertTurn(PreparedStatement s, Built b, Instant answeredAt, String author)
            throws SQLException {
        s.setString(1, b.id);
        s.setString(2, STORED.format(b.openTurn));
        s.setString(3, answeredAt == null ? null : STORED.format(answeredAt));
        s.setString(4, author);
        if (answeredAt == null) {
            s.setNull(5, java.sql.Types.INTEGER);
        } else {
            s.setLong(5, Duration.between(b.openTurn, answeredAt).toNanos());
        }
        s.addBatch();
        b.openTurn = null;
    }

    private static void insertProfile(PreparedStatement s, Built b, String field, String value) throws SQLException {
        s.setString(1, b.id);
        s.setString(2, field);
        s.setString(3, value);
        s.setString(4, "m-1");
        s.setString(5, STORED.format(b.start));
        s.addBatch();
    }

    private static void bindConversation(PreparedStatement s, Built b) throws SQLException {
        s.setString(1, b.id);
        s.setString(2, b.userId);
        s.setString(3, b.userId);
        s.setString(4, b.phone);
        s.setString(5, b.displayName);
        s.setString(6, b.mode.name());
        s.setString(7, b.reason);
        s.setString(8, b.reasonSince == null ? null : STORED.format(b.reasonSince));
        s.setString(9, STORED.format(b.lastAt));
        s.setString(10, b.lastText);
        s.setString(11, b.lastInboundAt == null ? null : STORED.format(b.lastInboundAt));
        s.setString(12, b.profileName);
        s.setInt(13, 0); // computed by SqliteConversations on its first start, as after an upgrade
        s.setString(14, searchText(b));
        s.setString(15, b.seenAt == null ? null : STORED.format(b.seenAt));
        s.setInt(16, b.unread);
        s.addBatch();
    }

    /** As SqliteConversations.save writes it: non-empty values, lower case, joined by char(31). */
    private static String searchText(Built b) {
        return Stream.of(b.displayName, b.profileName, b.phone, b.userId, b.email, null, b.orderNumber)
                .filter(v -> v != null && !v.isEmpty())
                .reduce((x, y) -> x + "\u001f" + y)
                .orElse("")
                .toLowerCase(Locale.ROOT);
    }
}

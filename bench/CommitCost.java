import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Cost of one small SQLite commit on this disk, with the settings Sportello uses (WAL, synchronous=FULL) and, for
 * comparison, synchronous=NORMAL. Uses the sqlite-jdbc driver shaded into the Sportello jar:
 *
 * <pre>java -cp /tmp/bench-jar/sportello.jar bench/CommitCost.java [commits] [dir]</pre>
 */
public final class CommitCost {

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/sportello-bench/commit-cost"));
        for (String sync : new String[] {"FULL", "NORMAL"}) {
            Path db = dir.resolve("probe-" + sync + ".db");
            for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(db + suffix));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=" + sync);
                    s.execute("CREATE TABLE inbox (id INTEGER PRIMARY KEY, wamid TEXT UNIQUE, body TEXT)");
                }
                c.setAutoCommit(false);
                String body = "x".repeat(800); // about one webhook
                long[] nanos = new long[commits];
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox (wamid, body) VALUES (?, ?)")) {
                    for (int i = 0; i < commits; i++) {
                        long t = System.nanoTime();
                        ps.setString(1, "wamid." + i);
                        ps.setString(2, body);
                        ps.executeUpdate();
                        c.commit();
                        nanos[i] = System.nanoTime() - t;
                    }
                }
                Arrays.sort(nanos);
                double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
                System.out.printf("synchronous=%-6s %d single-row commits: mean %.2f ms, p50 %.2f ms, p99 %.2f ms"
                                + " (max %.0f commits/s on one connection)%n", sync, commits, mean,
                        nanos[commits / 2] / 1e6, nanos[(int) (commits * 0.99)] / 1e6, 1000 / mean);
            }
        }
    }
}

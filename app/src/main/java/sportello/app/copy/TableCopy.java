package sportello.app.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies every table of a SQLite database into the same table of an empty PostgreSQL database of the same schema
 * version, parents before children, in one PostgreSQL transaction: either everything arrives or nothing does. Only
 * columns both sides have are copied; PostgreSQL fills its own extra columns (an identity column the SQLite table
 * lacks is numbered in SQLite's row order, which is its insertion order). Identity counters continue after the
 * copied ids, so new rows never collide with copied ones.
 */
public final class TableCopy {

    /** Tables that are bookkeeping of one running database, not data. */
    private static final Set<String> SKIPPED = Set.of("flyway_schema_history", "health_probe");

    private static final int BATCH = 1000;

    private final Connection sqlite;
    private final Connection postgres;

    public TableCopy(Connection sqlite, Connection postgres) {
        this.sqlite = sqlite;
        this.postgres = postgres;
    }

    /** Rows copied per table, in copy order. */
    public Map<String, Long> copyAll() throws SQLException {
        var target = PostgresTables.read(postgres);
        var copied = new LinkedHashMap<String, Long>();
        boolean autoCommit = postgres.getAutoCommit();
        postgres.setAutoCommit(false);
        try {
            refuseIfNotEmpty(target);
            for (String table : target.inCopyOrder()) {
                if (SKIPPED.contains(table)) {
                    continue;
                }
                List<String> sourceColumns = SqliteTables.columns(sqlite, table);
                if (sourceColumns.isEmpty()) {
                    continue; // a table only PostgreSQL has (e.g. customer leases)
                }
                copied.put(table, copy(table, target.columns(table), sourceColumns));
                target.continueIdentities(postgres, table);
            }
            postgres.commit();
        } catch (SQLException | RuntimeException e) {
            postgres.rollback();
            throw e;
        } finally {
            postgres.setAutoCommit(autoCommit);
        }
        return copied;
    }

    private void refuseIfNotEmpty(PostgresTables target) throws SQLException {
        for (String table : List.of("conversation", "webhook_delivery")) {
            long rows = target.count(postgres, table);
            if (rows > 0) {
                throw new IllegalStateException("the PostgreSQL database already holds Sportello data (" + rows
                        + " rows" + " in " + table + "): copy into a new, empty database, or drop its tables first");
            }
        }
    }

    private long copy(String table, List<PostgresTables.Column> targetColumns, List<String> sourceColumns)
            throws SQLException {
        var columns = new ArrayList<PostgresTables.Column>();
        boolean overriding = false;
        for (var column : targetColumns) {
            if (sourceColumns.contains(column.name())) {
                columns.add(column);
                overriding |= column.alwaysGenerated();
            }
        }
        String names =
                String.join(", ", columns.stream().map(c -> quote(c.name())).toList());
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        String insert = "INSERT INTO " + quote(table) + " (" + names + ")"
                + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES (" + marks + ")";
        String select = "SELECT " + names + " FROM " + quote(table) + SqliteTables.rowOrder(sqlite, table);
        long rows = 0;
        try (var read = sqlite.createStatement();
                ResultSet source = read.executeQuery(select);
                PreparedStatement write = postgres.prepareStatement(insert)) {
            while (source.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).bind(write, i + 1, source.getObject(i + 1));
                }
                write.addBatch();
                if (++rows % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return rows;
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

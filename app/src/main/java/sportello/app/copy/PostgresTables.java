package sportello.app.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The PostgreSQL side: its tables in an order where parents come before children, and their columns' types. */
final class PostgresTables {

    /** One column: its type decides how a SQLite value is bound; {@code alwaysGenerated} needs OVERRIDING. */
    record Column(String name, String type, boolean identity, boolean alwaysGenerated) {

        void bind(PreparedStatement insert, int index, Object value) throws SQLException {
            if (value == null) {
                insert.setNull(index, sqlType());
                return;
            }
            switch (type) {
                case "bigint", "integer", "smallint" -> insert.setLong(index, ((Number) value).longValue());
                case "boolean" -> insert.setBoolean(index, ((Number) value).longValue() != 0);
                case "bytea" ->
                    insert.setBytes(
                            index,
                            value instanceof byte[] bytes
                                    ? bytes
                                    : value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                case "double precision", "real", "numeric" -> insert.setDouble(index, ((Number) value).doubleValue());
                default -> insert.setString(index, value.toString());
            }
        }

        private int sqlType() {
            return switch (type) {
                case "bigint", "integer", "smallint" -> Types.BIGINT;
                case "boolean" -> Types.BOOLEAN;
                case "bytea" -> Types.BINARY;
                case "double precision", "real", "numeric" -> Types.DOUBLE;
                default -> Types.VARCHAR;
            };
        }
    }

    private final Map<String, List<Column>> columns;
    private final Map<String, Set<String>> parents;

    private PostgresTables(Map<String, List<Column>> columns, Map<String, Set<String>> parents) {
        this.columns = columns;
        this.parents = parents;
    }

    static PostgresTables read(Connection postgres) throws SQLException {
        var columns = new LinkedHashMap<String, List<Column>>();
        try (var statement = postgres.prepareStatement("SELECT c.table_name, c.column_name, c.data_type,"
                        + " c.is_identity, c.identity_generation FROM information_schema.columns c"
                        + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                        + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                        + " WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                        .add(new Column(
                                rows.getString(2),
                                rows.getString(3),
                                "YES".equals(rows.getString(4)),
                                "ALWAYS".equals(rows.getString(5))));
            }
        }
        var parents = new LinkedHashMap<String, Set<String>>();
        try (var statement = postgres.prepareStatement("SELECT child.relname, parent.relname FROM pg_constraint k"
                        + " JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid"
                        + " WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                parents.computeIfAbsent(rows.getString(1), t -> new LinkedHashSet<>())
                        .add(rows.getString(2));
            }
        }
        return new PostgresTables(columns, parents);
    }

    List<Column> columns(String table) {
        return columns.getOrDefault(table, List.of());
    }

    /** Every table after the tables it references. */
    List<String> inCopyOrder() {
        var ordered = new LinkedHashSet<String>();
        for (String table : columns.keySet()) {
            visit(table, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered);
    }

    private void visit(String table, Set<String> ordered, Set<String> path) {
        if (ordered.contains(table) || !path.add(table)) {
            return; // done, or a reference cycle (none in Sportello's schema): keep going
        }
        for (String parent : parents.getOrDefault(table, Set.of())) {
            if (!parent.equals(table)) {
                visit(parent, ordered, path);
            }
        }
        ordered.add(table);
    }

    long count(Connection postgres, String table) throws SQLException {
        if (!columns.containsKey(table)) {
            return 0;
        }
        try (var statement = postgres.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM " + TableCopy.quote(table))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The next generated id of each identity column comes after the largest copied one. */
    void continueIdentities(Connection postgres, String table) throws SQLException {
        for (Column column : columns(table)) {
            if (!column.identity()) {
                continue;
            }
            String name = TableCopy.quote(column.name());
            try (var statement = postgres.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
                    + " coalesce((SELECT max(" + name + ") FROM " + TableCopy.quote(table) + "), 0) + 1, false)")) {
                statement.setString(1, TableCopy.quote(table));
                statement.setString(2, column.name());
                statement.execute();
            }
        }
    }
}

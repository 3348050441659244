package sportello.app.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the SQLite side has: a table's columns, and whether its rows have an insertion order (a rowid). */
final class SqliteTables {

    private SqliteTables() {}

    /** The table's columns, or none when SQLite has no such table. */
    static List<String> columns(Connection sqlite, String table) throws SQLException {
        var columns = new ArrayList<String>();
        try (var statement = sqlite.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            statement.setString(1, table);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /** " ORDER BY rowid" for an ordinary table; nothing for a WITHOUT ROWID one, whose key orders it. */
    static String rowOrder(Connection sqlite, String table) throws SQLException {
        try (var statement =
                sqlite.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            statement.setString(1, table);
            try (var rows = statement.executeQuery()) {
                boolean withoutRowid =
                        rows.next() && rows.getString(1).toUpperCase().contains("WITHOUT ROWID");
                return withoutRowid ? "" : " ORDER BY rowid";
            }
        }
    }
}

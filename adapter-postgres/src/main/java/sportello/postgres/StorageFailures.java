package sportello.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import sportello.ports.out.StorageUnavailable;

/**
 * Turns a database error into a {@link StorageUnavailable} that tells the operator what to do about it, by the
 * SQLSTATE the server (or the driver) gave. Messages name the server and database, never the user's password.
 */
final class StorageFailures {

    private StorageFailures() {}

    static StorageUnavailable translate(String action, DatabaseUrl url, Exception e) {
        var sql = sqlCause(e);
        String advice = sql.map(s -> advice(s, url))
                .orElse("PostgreSQL at " + url.where() + " failed: check that the server runs and DATABASE_URL");
        String detail = sql.map(Throwable::getMessage).orElse(e.getMessage());
        return new StorageUnavailable("could not " + action + ": " + advice + " (" + detail + ")", e);
    }

    /** A failure to open the first connection: usually a wrong DATABASE_URL or a server that is not running. */
    static StorageUnavailable connecting(DatabaseUrl url, SQLException e) {
        return new StorageUnavailable(advice(e, url) + " (" + e.getMessage() + ")", e);
    }

    private static String advice(SQLException e, DatabaseUrl url) {
        if (e instanceof SQLTransientConnectionException && e.getCause() instanceof SQLException cause) {
            return advice(cause, url); // the pool could not open a connection: the server's reason says why
        }
        if (e instanceof SQLTransientConnectionException) { // the pool's own timeout: no connection free in time
            return "all connections to PostgreSQL at " + url.where() + " stayed busy for "
                    + PostgresDatabase.CONNECTION_TIMEOUT_MILLIS + " ms: check the server's load and that it runs";
        }
        String state = String.valueOf(e.getSQLState());
        return switch (state) {
            case "28P01", "28000" ->
                "PostgreSQL at " + url.server() + " refused the login" + (url.user() == null ? "" : " of " + url.user())
                        + ": check the user and password in DATABASE_URL";
            case "3D000" ->
                "the database " + url.database() + " does not exist on " + url.server() + ": create it (createdb "
                        + url.database() + ") or fix DATABASE_URL";
            case "53100" -> "the disk of the PostgreSQL server at " + url.server() + " is full: free space there";
            case "53300" ->
                "PostgreSQL at " + url.server() + " has no connection slot left: raise max_connections or lower the"
                        + " pool size of the Sportello instances";
            case "25006" ->
                "PostgreSQL at " + url.where() + " is read-only (a standby?): point DATABASE_URL at the primary";
            case "40001", "40P01" -> "the write collided with another Sportello instance's; try again";
            case "57P01", "57P02", "57P03" ->
                "PostgreSQL at " + url.server() + " is shutting down or starting: wait for it, then try again";
            default -> {
                if (state.startsWith("08")) {
                    yield "cannot reach PostgreSQL at " + url.server() + ": check DATABASE_URL and that the server"
                            + " runs and accepts connections from this host";
                }
                if (state.startsWith("23")) {
                    yield "the data broke a database rule, which is a bug: please report it";
                }
                if (state.equals("42P01") || state.equals("42703")) {
                    yield "the database " + url.where() + " does not have the tables this version expects: check"
                            + " that every Sportello instance runs the same version";
                }
                if (state.startsWith("42")) {
                    yield "PostgreSQL refused a statement of this adapter, which is a bug: please report it";
                }
                yield "PostgreSQL at " + url.where() + " refused the operation";
            }
        };
    }

    private static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}

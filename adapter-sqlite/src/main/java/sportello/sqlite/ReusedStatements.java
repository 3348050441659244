package sportello.sqlite;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a connection's prepared statements for the next use of the same SQL. Sportello keeps its connections open
 * (the writer, idle readers), and the worker runs the same few dozen statements for every message: compiling them
 * again each time was 18 % of the CPU of a busy worker (profile in BENCHMARKS.md, "Webhook load"). A statement in
 * use is taken out of the cache, so two uses of the same SQL at once (a query inside another's result) each get
 * their own. One builder per connection, and a connection is used by one thread at a time, so no locking.
 */
final class ReusedStatements implements StatementBuilder {

    /** Distinct statements kept per connection; Sportello runs fewer, so this only bounds lists of varying length. */
    static final int MAX_KEPT = 256;

    static final StatementBuilderFactory FACTORY = connection -> new ReusedStatements();

    private static final Logger log = LoggerFactory.getLogger(ReusedStatements.class);

    private final StatementBuilder plain = new DefaultStatementBuilder();
    private final Map<PreparedStatement, String> inUse = new IdentityHashMap<>();
    private final LinkedHashMap<String, PreparedStatement> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_KEPT) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };
    private long prepared;

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return plain.create(connection, context);
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
            return plain.create(connection, sql, context);
        }
        var statement = kept.remove(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            prepared++;
        }
        inUse.put(statement, sql);
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context)
            throws SQLException {
        return plain.createCall(connection, sql, context);
    }

    /** Keeps the statement for the next use of its SQL (Jdbi passes the SQL before parsing here, so it is looked up). */
    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        String parsed = statement instanceof PreparedStatement p ? inUse.remove(p) : null;
        if (parsed == null || statement.isClosed() || kept.containsKey(parsed)) {
            statement.close();
            return;
        }
        var reusable = (PreparedStatement) statement;
        try {
            reusable.clearParameters();
            reusable.clearBatch();
        } catch (SQLException e) {
            statement.close();
            return;
        }
        kept.put(parsed, reusable);
    }

    @Override
    public void close(Connection connection) {
        kept.values().forEach(ReusedStatements::closeQuietly);
        kept.clear();
        inUse.keySet().forEach(ReusedStatements::closeQuietly);
        inUse.clear();
    }

    /** Statements compiled so far on this connection, for tests. */
    long prepared() {
        return prepared;
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            log.debug("closing a kept statement failed: {}", e.toString());
        }
    }
}

package sportello.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the database is, read from {@code DATABASE_URL} in any of the forms hosting providers and JDBC use:
 * {@code postgres://user:pass@host:5432/db}, {@code postgresql://…} or {@code jdbc:postgresql://host:5432/db?user=…}.
 * The user and password of the first two forms are taken out of the URL and passed apart, so they never show in a log
 * line or an error message, which print {@link #where()} only.
 */
public record DatabaseUrl(String jdbcUrl, String host, int port, String database, String user, String password) {

    static final int DEFAULT_PORT = 5432;

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(
                    "DATABASE_URL is empty: set it to postgresql://user:password@host:5432/database");
        }
        String trimmed = url.strip();
        String rest;
        if (trimmed.startsWith("jdbc:postgresql://")) {
            rest = trimmed.substring("jdbc:".length());
        } else if (trimmed.startsWith("postgresql://")) {
            rest = trimmed;
        } else if (trimmed.startsWith("postgres://")) {
            rest = "postgresql://" + trimmed.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql://, postgres:// or"
                    + " jdbc:postgresql:// (e.g. postgresql://user:password@host:5432/database), not "
                    + scheme(trimmed));
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "DATABASE_URL is not a valid URL (" + e.getReason() + "): write it as"
                            + " postgresql://user:password@host:5432/database, with special characters of the"
                            + " password percent-encoded",
                    e);
        }
        // the authority by hand, not URI.getHost(): that gives null for host names with '_', common in compose files
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException(
                    "DATABASE_URL names no host: write it as" + " postgresql://user:password@host:5432/database");
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        int portColon = hostPort.lastIndexOf(':');
        if (portColon < hostPort.lastIndexOf(']')) { // an IPv6 address without a port
            portColon = -1;
        }
        String host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
        int port = portColon < 0 ? DEFAULT_PORT : port(hostPort.substring(portColon + 1));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("DATABASE_URL names no database: add it after the host, as in"
                    + " postgresql://user:password@" + host + ":5432/sportello");
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            String[] parts = userInfo.split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + path + query;
        return new DatabaseUrl(jdbcUrl, host, port, decode(path), user, password);
    }

    /** Host, port and database, for messages: never the user or password. */
    public String where() {
        return host + ":" + port + "/" + database;
    }

    /** Host and port, for "cannot reach" messages. */
    String server() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + where() + "]"; // a record would print the password
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DATABASE_URL has no valid port after the host ('" + text
                    + "'): write it as postgresql://user:password@host:5432/database");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Only the scheme of a wrong URL is repeated back: the rest may hold a password. */
    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "a URL without a scheme" : "'" + url.substring(0, colon) + ":'";
    }
}

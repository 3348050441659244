package sportello.web.access;

import java.util.Optional;

/**
 * Who may use the dashboard and the JSON API, as the app configured it.
 *
 * <ul>
 *   <li>No credentials (option A): the staff routes answer only this machine and the local network, and refuse
 *       anything that came through a proxy or tunnel.
 *   <li>A username and a password hash (option B): staff log in; requests may come through a proxy.
 *   <li>An API token, with either: {@code Authorization: Bearer <token>} opens {@code /api/*} from anywhere.
 * </ul>
 *
 * The webhook and {@code /health} are never behind any of this.
 */
public record WebAccess(String username, String passwordHash, String apiToken) {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MIN_API_TOKEN_LENGTH = 24;

    public WebAccess {
        username = blankToNull(username);
        passwordHash = blankToNull(passwordHash);
        apiToken = blankToNull(apiToken);
        if (username == null && passwordHash != null) {
            throw new IllegalArgumentException(
                    "DASHBOARD_USERNAME is required when DASHBOARD_PASSWORD or DASHBOARD_PASSWORD_HASH is set");
        }
        if (username != null && passwordHash == null) {
            throw new IllegalArgumentException("DASHBOARD_USERNAME is set but neither DASHBOARD_PASSWORD nor"
                    + " DASHBOARD_PASSWORD_HASH is; set one of them, or remove DASHBOARD_USERNAME to allow"
                    + " the local network only");
        }
        if (passwordHash != null && !Passwords.isSupportedHash(passwordHash)) {
            throw new IllegalArgumentException("DASHBOARD_PASSWORD_HASH must be an argon2id hash ($argon2id$v=19$m=…)"
                    + " or a bcrypt hash ($2a$, $2b$ or $2y$); or set DASHBOARD_PASSWORD instead");
        }
        if (apiToken != null && apiToken.length() < MIN_API_TOKEN_LENGTH) {
            throw new IllegalArgumentException("API_TOKEN must be at least " + MIN_API_TOKEN_LENGTH
                    + " characters long; e.g. openssl rand -hex 24");
        }
    }

    /** Option A: the local network only. */
    public static WebAccess localNetworkOnly() {
        return new WebAccess(null, null, null);
    }

    /** Option B with a password given in plain text: it is hashed with argon2id now and kept only as the hash. */
    public static WebAccess password(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "DASHBOARD_PASSWORD must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        return new WebAccess(username, Passwords.hash(password), null);
    }

    /** Option B with a ready-made argon2id or bcrypt hash. */
    public static WebAccess passwordHash(String username, String hash) {
        return new WebAccess(username, hash, null);
    }

    /**
     * From the configuration keys as given (null or blank means not set); the error names the key to fix.
     * {@code DASHBOARD_PASSWORD} and {@code DASHBOARD_PASSWORD_HASH} are alternatives.
     */
    public static WebAccess fromSettings(String username, String password, String passwordHash, String apiToken) {
        boolean plain = blankToNull(password) != null;
        boolean hashed = blankToNull(passwordHash) != null;
        if (plain && hashed) {
            throw new IllegalArgumentException("set DASHBOARD_PASSWORD or DASHBOARD_PASSWORD_HASH, not both");
        }
        if (plain && blankToNull(username) == null) {
            throw new IllegalArgumentException("DASHBOARD_USERNAME is required when DASHBOARD_PASSWORD is set");
        }
        WebAccess access = plain ? password(username, password) : new WebAccess(username, passwordHash, null);
        return access.withApiToken(apiToken);
    }

    public WebAccess withApiToken(String token) {
        return new WebAccess(username, passwordHash, token);
    }

    /** Option B: staff log in. */
    public boolean requiresLogin() {
        return passwordHash != null;
    }

    public Optional<String> apiTokenValue() {
        return Optional.ofNullable(apiToken);
    }

    /** Secrets stay out of logs. */
    @Override
    public String toString() {
        return "WebAccess[" + (requiresLogin() ? "login as " + username : "local network only")
                + (apiToken != null ? ", API token set" : "") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package sportello.web.access;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.regex.Pattern;

/**
 * Password hashing for the dashboard login: argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane) for passwords
 * given in plain text at startup, and checks against argon2id or bcrypt hashes given ready-made.
 */
final class Passwords {

    private static final Pattern ARGON2ID =
            Pattern.compile("\\$argon2id\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[^$]+\\$[^$]+");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    private Passwords() {}

    static String hash(String plain) {
        var argon2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
        return Password.hash(plain).addRandomSalt(16).with(argon2).getResult();
    }

    static boolean isSupportedHash(String hash) {
        return hash != null
                && (ARGON2ID.matcher(hash).matches() || BCRYPT.matcher(hash).matches());
    }

    static boolean matches(String plain, String hash) {
        if (plain == null || !isSupportedHash(hash)) {
            return false;
        }
        if (hash.startsWith("$argon2id$")) {
            return Password.check(plain, hash).with(Argon2Function.getInstanceFromHash(hash));
        }
        return Password.check(plain, hash).with(BcryptFunction.getInstanceFromHash(hash));
    }
}

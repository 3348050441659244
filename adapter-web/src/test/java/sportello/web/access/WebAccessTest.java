package sportello.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Bcrypt;
import org.junit.jupiter.api.Test;

class WebAccessTest {

    @Test
    void noSettings_isTheLocalNetworkOnly() {
        var access = WebAccess.fromSettings(null, "", " ", null);

        assertThat(access.requiresLogin()).isFalse();
        assertThat(access.apiTokenValue()).isEmpty();
    }

    @Test
    void aPlainPassword_isKeptOnlyAsAnArgon2idHash() {
        var access = WebAccess.fromSettings("giulia", "correct horse battery", null, null);

        assertThat(access.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(access.toString()).doesNotContain("correct horse", "argon2");
        var login = new StaffLogin(access.username(), access.passwordHash());
        assertThat(login.matches("giulia", "correct horse battery")).isTrue();
        assertThat(login.matches("giulia", "correct horse")).isFalse();
        assertThat(login.matches("marco", "correct horse battery")).isFalse();
    }

    @Test
    void aBcryptHash_isAccepted() {
        String hash = Password.hash("correct horse battery")
                .with(BcryptFunction.getInstance(Bcrypt.B, 10))
                .getResult();

        var access = WebAccess.fromSettings("giulia", null, hash, null);

        assertThat(new StaffLogin("giulia", access.passwordHash()).matches("giulia", "correct horse battery"))
                .isTrue();
    }

    @Test
    void badCombinations_nameTheKeyToFix() {
        assertThatThrownBy(() -> WebAccess.fromSettings(null, "correct horse battery", null, null))
                .hasMessageContaining("DASHBOARD_USERNAME");
        assertThatThrownBy(() -> WebAccess.fromSettings("giulia", null, null, null))
                .hasMessageContaining("DASHBOARD_PASSWORD");
        assertThatThrownBy(() -> WebAccess.fromSettings("giulia", "correct horse battery", "$2b$10$x", null))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> WebAccess.fromSettings("giulia", null, "plain-text", null))
                .hasMessageContaining("DASHBOARD_PASSWORD_HASH");
        assertThatThrownBy(() -> WebAccess.fromSettings("giulia", "short", null, null))
                .hasMessageContaining("DASHBOARD_PASSWORD");
        assertThatThrownBy(() -> WebAccess.fromSettings(null, null, null, "tiny"))
                .hasMessageContaining("API_TOKEN");
    }

    @Test
    void secretsNeverAppearInToString() {
        var access =
                WebAccess.password("giulia", "correct horse battery").withApiToken("s3cret-token-for-integrations");

        assertThat(access.toString()).doesNotContain("s3cret", "$argon2").contains("giulia", "API token set");
    }
}

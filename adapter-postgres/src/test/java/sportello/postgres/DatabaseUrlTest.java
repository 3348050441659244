package sportello.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void hostingProviderForm_givesTheJdbcUrl_withTheCredentialsApart() {
        var url = DatabaseUrl.parse("postgres://sportello:p%40ss:w0rd@db.example.it:6543/front_desk");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.it:6543/front_desk");
        assertThat(url.user()).isEqualTo("sportello");
        assertThat(url.password()).isEqualTo("p@ss:w0rd");
        assertThat(url.where()).isEqualTo("db.example.it:6543/front_desk");
    }

    @Test
    void postgresqlForm_withoutPort_usesTheDefaultPort_andKeepsTheParameters() {
        var url = DatabaseUrl.parse("postgresql://sportello@db.example.it/front_desk?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.it:5432/front_desk?sslmode=require");
        assertThat(url.password()).isNull();
    }

    @Test
    void jdbcForm_isTakenAsItIs() {
        var url = DatabaseUrl.parse("jdbc:postgresql://10.0.0.5:5432/front_desk?user=sportello&password=secret");

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://10.0.0.5:5432/front_desk?user=sportello&password=secret");
        assertThat(url.server()).isEqualTo("10.0.0.5:5432");
    }

    @Test
    void hostNameWithUnderscore_asComposeServicesHave_isAccepted() {
        var url = DatabaseUrl.parse("postgres://sportello:x@sportello_db:5432/front_desk");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://sportello_db:5432/front_desk");
    }

    @Test
    void ipv6Host_keepsItsBrackets() {
        var url = DatabaseUrl.parse("postgresql://sportello@[::1]:5433/front_desk");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/front_desk");
    }

    @Test
    void printedUrl_neverShowsThePassword() {
        var url = DatabaseUrl.parse("postgresql://sportello:segreto@db.example.it/front_desk");

        assertThat(url.toString()).doesNotContain("segreto").contains("db.example.it:5432/front_desk");
    }

    @Test
    void otherScheme_isRefused_namingTheFormsAccepted_withoutRepeatingTheUrl() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:segreto@db/front_desk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://")
                .hasMessageContaining("'mysql:'")
                .hasMessageNotContaining("segreto");
    }

    @Test
    void urlWithoutDatabase_isRefused_sayingWhatToAdd() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://sportello@db.example.it:5432"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no database");
    }
}

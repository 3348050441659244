package sportello.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.ports.in.CheckHealth;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.StorageUnavailable;

class PostgresDatabaseTest {

    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @Test
    void serverNotRunning_failsSayingWhereAndWhatToCheck() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "postgresql://sportello@127.0.0.1:" + closedPort + "/sportello";

        assertThatThrownBy(() -> PostgresDatabase.migrated(url))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageContaining("cannot reach PostgreSQL at 127.0.0.1:" + closedPort)
                .hasMessageContaining("check DATABASE_URL and that the server runs");
    }

    @Test
    void missingDatabase_failsSayingHowToCreateIt() {
        String url = PostgresServer.shared().url("no_such_database");

        assertThatThrownBy(() -> PostgresDatabase.migrated(url))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageContaining("the database no_such_database does not exist")
                .hasMessageContaining("createdb no_such_database");
    }

    @Test
    void freshDatabase_isWritable_andHealthy() {
        var database = databases.fresh();

        assertThat(database.isWritable()).isTrue();
        assertThat(new PostgresHealth(database).probe().status()).isEqualTo(CheckHealth.Status.UP);
    }

    @Test
    void restart_onTheSameDatabase_findsWhatWasStored() {
        String url = databases.freshUrl();
        var before = databases.open(url);
        new PostgresInbox(before).store(delivery(), List.of(text(giulia(), "wamid.1", "ciao")), List.of());
        before.close();

        var after = databases.open(url);

        assertThat(new PostgresInbox(after).pending(10)).hasSize(1);
        assertThat(after.instance()).isNotEqualTo(before.instance());
    }

    @Test
    void closedDatabase_refusesCalls_sayingSportelloIsStopping() {
        var database = databases.fresh();
        var inbox = new PostgresInbox(database);

        database.close();

        assertThatThrownBy(inbox::pendingCount)
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageContaining("Sportello is stopping");
        assertThat(database.isWritable()).isFalse();
        assertThat(new PostgresHealth(database).probe().status()).isEqualTo(CheckHealth.Status.DOWN);
    }

    private static RawDelivery delivery() {
        return new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), Instant.now());
    }
}

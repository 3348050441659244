package sportello.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sportello.ports.contract.AlertSinkContract;
import sportello.ports.out.Alert;
import sportello.ports.out.AlertSink;

/** Alert e-mails reach a real SMTP server (GreenMail), with a login, in Italian and English, and never throw. */
class EmailAlertSinkTest {

    @RegisterExtension
    static final GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static SmtpSettings settings(int port) {
        return new SmtpSettings(
                "127.0.0.1",
                port,
                SmtpSettings.Security.NONE,
                Optional.of("alerts@negozio.example.it"),
                Optional.of("segreta"),
                "alerts@negozio.example.it",
                List.of("titolare@negozio.example.it", "socio@negozio.example.it"));
    }

    private static EmailAlertSink sink() {
        mailServer.setUser("alerts@negozio.example.it", "alerts@negozio.example.it", "segreta");
        return new EmailAlertSink(settings(mailServer.getSmtp().getPort()), "Bottega Rossi");
    }

    @Test
    void criticalAlert_isMailedToEveryRecipient_withWhatToDo() throws Exception {
        sink().deliver(new Alert(
                "whatsapp.token",
                "WhatsApp refuses the access token",
                "create a new system-user token — è urgente",
                false,
                Instant.parse("2026-11-25T09:00:00Z")));

        var received = mailServer.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject())
                .isEqualTo("[Sportello 🚨 ALERT] WhatsApp refuses the access token (Bottega Rossi)");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString())
                .contains("create a new system-user token — è urgente")
                .contains("sportello.jar doctor");
        assertThat(received[0].getHeader("X-Sportello-Alert")).containsExactly("whatsapp.token");
    }

    @Test
    void resolution_isMailedAsResolved() throws Exception {
        sink().deliver(new Alert("disk", "Disk almost full", "", true, Instant.parse("2026-11-25T10:00:00Z")));

        assertThat(mailServer.getReceivedMessages()[0].getSubject())
                .startsWith("[Sportello ✅ risolto / resolved] Disk almost full");
    }

    @Test
    void wrongPassword_isLoggedNotThrown_andNothingIsSent() {
        mailServer.setUser("alerts@negozio.example.it", "alerts@negozio.example.it", "segreta");
        var wrong = new SmtpSettings(
                "127.0.0.1",
                mailServer.getSmtp().getPort(),
                SmtpSettings.Security.NONE,
                Optional.of("alerts@negozio.example.it"),
                Optional.of("sbagliata"),
                "alerts@negozio.example.it",
                List.of("titolare@negozio.example.it"));

        new EmailAlertSink(wrong, "Bottega Rossi").deliver(new Alert("k", "t", "", false, Instant.EPOCH));

        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void settings_neverPrintThePassword() {
        assertThat(settings(25).toString()).doesNotContain("segreta").contains("password=***");
    }

    @Nested
    class KeepsTheAlertSinkContract extends AlertSinkContract {
        private boolean receiverDown;

        @Override
        protected AlertSink sink() {
            // port 1: nothing listens there
            return new EmailAlertSink(
                    settings(receiverDown ? 1 : mailServer.getSmtp().getPort()), "Bottega Rossi");
        }

        @Override
        protected void arrangeReceiverDown() {
            receiverDown = true;
        }
    }
}

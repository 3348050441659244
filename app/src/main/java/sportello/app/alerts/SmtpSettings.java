package sportello.app.alerts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where alert e-mails go and how to reach the SMTP server; the password is never printed. */
public record SmtpSettings(
        String host,
        int port,
        Security security,
        Optional<String> username,
        Optional<String> password,
        String from,
        List<String> to) {

    /** {@code STARTTLS} on port 587 is what most providers expect; {@code SSL} is port 465. */
    public enum Security {
        STARTTLS,
        SSL,
        NONE
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username="
                + username.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-") + ", from=" + from
                + ", to=" + to + "]";
    }
}

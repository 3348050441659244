package sportello.app.alerts;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.out.Alert;
import sportello.ports.out.AlertSink;

/**
 * E-mails alerts through the business's own SMTP server (the one its mailbox uses), for owners who read e-mail
 * rather than a chat. Jakarta Mail (Eclipse Angus) speaks SMTP, STARTTLS and authentication correctly, which a
 * hand-written client would not for every provider.
 */
public final class EmailAlertSink implements AlertSink {

    private static final Logger log = LoggerFactory.getLogger(EmailAlertSink.class);
    private static final String TIMEOUT_MS = "10000";

    private final SmtpSettings settings;
    private final String instance;
    private final Session session;

    public EmailAlertSink(SmtpSettings settings, String instance) {
        this.settings = settings;
        this.instance = instance;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(SmtpSettings settings) {
        var properties = new Properties();
        boolean ssl = settings.security() == SmtpSettings.Security.SSL;
        String protocol = ssl ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", settings.host());
        properties.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        properties.put(
                "mail." + protocol + ".auth", String.valueOf(settings.username().isPresent()));
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != SmtpSettings.Security.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return properties;
    }

    @Override
    public void deliver(Alert alert) {
        try {
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", settings.to())));
            message.setSubject(subject(alert), StandardCharsets.UTF_8.name());
            message.setText(body(alert), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(alert.at()));
            message.setHeader("X-Sportello-Alert", alert.key());
            try (Transport transport = session.getTransport()) {
                transport.connect(
                        settings.host(),
                        settings.port(),
                        settings.username().orElse(null),
                        settings.password().orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException | RuntimeException e) {
            log.warn(
                    "Alert e-mail could not be sent via {}:{} ({}): check SMTP_HOST, SMTP_PORT, SMTP_SECURITY and"
                            + " the SMTP login",
                    settings.host(),
                    settings.port(),
                    e.getMessage());
        }
    }

    String subject(Alert alert) {
        return (alert.resolved() ? "[Sportello ✅ risolto / resolved] " : "[Sportello 🚨 ALERT] ") + alert.title() + " ("
                + instance + ")";
    }

    private String body(Alert alert) {
        return (alert.resolved()
                        ? "Risolto / Resolved: " + alert.title()
                        : "Sportello needs attention / Sportello richiede attenzione:\n\n" + alert.title())
                + (alert.detail().isBlank() ? "" : "\n\n" + alert.detail())
                + "\n\nInstance: " + instance
                + "\nAlert: " + alert.key()
                + "\nAt: " + alert.at()
                + "\n\nRun `java -jar sportello.jar doctor` on the server for a full check.\n";
    }
}

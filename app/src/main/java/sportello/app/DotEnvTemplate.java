package sportello.app;

/** The commented {@code .env} that {@code init} writes. */
final class DotEnvTemplate {

    private DotEnvTemplate() {}

    static final String TEXT = """
            # Sportello settings. The environment overrides anything written here.
            # Lines starting with # are comments. See README.md for every key.

            # How the assistant names your business, and its time zone (for opening hours and analytics)
            BUSINESS_NAME="{business}"
            BUSINESS_TIME_ZONE=Europe/Rome
            # Opening hours in your words; the assistant tells customers when staff will be back.
            # Day names and times like these are also read as hours (for the webhook-silence alert).
            # OPENING_HOURS="lun-sab 9:30-19:00, domenica chiuso"

            # Where Sportello listens, and where it keeps its database, logs and backups
            PORT=3000
            BIND_ADDRESS=0.0.0.0
            DATA_DIR=./data

            # --- WhatsApp Cloud API (Meta App Dashboard → WhatsApp → API Setup; see docs/whatsapp.md)
            # Leave these commented out to run in demo mode.
            # The verify token is yours to choose: type the same value in Meta's webhook settings.
            VERIFY_TOKEN={verifyToken}
            # A permanent system-user token with whatsapp_business_messaging and whatsapp_business_management
            WHATSAPP_ACCESS_TOKEN={whatsappToken}
            # The numeric "Phone number ID" (not the phone number) and the WhatsApp Business Account ID
            WHATSAPP_PHONE_ID={phoneId}
            WHATSAPP_ACCOUNT_ID={accountId}
            # App settings → Basic → App secret: proves that webhooks really come from Meta
            WHATSAPP_APP_SECRET={appSecret}

            # --- OpenAI (platform.openai.com → API keys). Without a key the offline assistant answers.
            OPENAI_API_KEY={openAiKey}
            # gpt-4.1 is the recommended model; gpt-4.1-mini costs about a fifth
            OPENAI_MODEL={openAiModel}

            # --- Staff dashboard. Without a username it answers only on your local network.
            # DASHBOARD_USERNAME=
            # DASHBOARD_PASSWORD=

            # --- Alerts on critical errors (Slack, Teams or ntfy webhook URL)
            # ALERT_WEBHOOK_URL=
            # ...and/or by e-mail, through your mailbox's SMTP server (port 587 with starttls, 465 with ssl)
            # ALERT_EMAIL_TO=titolare@example.it
            # SMTP_HOST=smtp.example.it
            # SMTP_USERNAME=sportello@example.it
            # SMTP_PASSWORD=
            # Alert when no WhatsApp message arrived for this long while you are open (needs OPENING_HOURS)
            # WEBHOOK_SILENCE_MINUTES=120
            """;
}

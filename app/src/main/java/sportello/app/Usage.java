package sportello.app;

/** The text of {@code --help}. */
final class Usage {

    private Usage() {}

    static final String TEXT = """
            Sportello {version}: an AI front desk for WhatsApp Business.

            Usage:
              java -jar sportello.jar            start the service (same as 'serve')
              java -jar sportello.jar init       write a commented .env to fill in
              java -jar sportello.jar doctor     check the setup (config, disk, WhatsApp, OpenAI, webhook)
              java -jar sportello.jar restore data/backups/sportello-….db
                                                 put a backup back (stop the service first)
              java -jar sportello.jar copy-to-postgres
                                                 copy DATA_DIR/sportello.db into the empty DATABASE_URL
              java -jar sportello.jar send --to +393471234567 --text "..."
                                                 queue a message to a customer (inside the 24-hour window)
              java -jar sportello.jar knowledge upload ./docs
                                                 put documents in an OpenAI vector store for the agent
              java -jar sportello.jar --help     show this help
              java -jar sportello.jar --version  show the version

            Configuration comes from environment variables, or from a .env file in the
            working directory (the environment wins). With no WhatsApp settings Sportello
            starts in demo mode; with no OPENAI_API_KEY it answers with its offline agent.

              PORT                   HTTP port (3000)
              BIND_ADDRESS           address to listen on (0.0.0.0)
              DATA_DIR               database, logs and media (./data)
              DATABASE_URL           PostgreSQL (postgresql://user:password@host:5432/db) instead of
                                     the SQLite file, for several instances on one database
              BUSINESS_NAME          how the assistant names the business (Sportello)
              BUSINESS_TIME_ZONE     time zone for opening hours and analytics (Europe/Rome)
              OPENING_HOURS          opening hours in words, told to customers by the agent
              PUBLIC_URL             the https address Meta reaches (doctor checks /webhook there)
              REPLY_DEBOUNCE_MS      wait for a burst of messages to end before answering (2000; 0 = off)
              ALERT_WEBHOOK_URL      Slack/Teams/ntfy webhook for critical alerts
              ALERT_EMAIL_TO         e-mail addresses for critical alerts (comma-separated), sent via
                                     SMTP_HOST, SMTP_PORT (587), SMTP_SECURITY (starttls|ssl|none),
                                     SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM
              WEBHOOK_SILENCE_MINUTES
                                     alert when no webhook came for this long while open (120; 0 = off)
              BACKUP_KEEP            daily backups kept in DATA_DIR/backups (14)
              RETENTION_MONTHS       messages older than this are deleted (24; 0 keeps them forever)
              DASHBOARD_USERNAME     with DASHBOARD_PASSWORD (or DASHBOARD_PASSWORD_HASH): login required,
                                     safe on the internet; without: local network only
              API_TOKEN              bearer token that opens /api from anywhere (24+ characters)
              VERIFY_TOKEN           webhook verify token you chose in Meta's App Dashboard
              WHATSAPP_ACCESS_TOKEN  system-user access token
              WHATSAPP_PHONE_ID      phone number id (numeric, from API Setup)
              WHATSAPP_ACCOUNT_ID    WhatsApp Business Account id
              WHATSAPP_APP_SECRET    app secret, to check webhook signatures
              WHATSAPP_API_BASE_URL  Graph API base URL (https://graph.facebook.com)
              WHATSAPP_API_VERSION   Graph API version (v26.0)
              WHATSAPP_MESSAGES_PER_SECOND  sending limit of the number (80)
              OPENAI_API_KEY         OpenAI API key
              OPENAI_BASE_URL        OpenAI base URL, including /v1 (https://api.openai.com/v1)
              OPENAI_MODEL           model name (gpt-4.1; gpt-4.1-mini is the cheaper choice)
              OPENAI_PROMPT_ID       optional stored prompt id (compatibility only)
              OPENAI_PROMPT_VERSION  optional version of that stored prompt
              OPENAI_VECTOR_STORE_ID optional vector store for file_search (FAQ, price lists)
              OPENAI_HISTORY_TOKEN_BUDGET  tokens of conversation history sent per turn (3000)
              OPENAI_TRANSCRIPTION_MODEL   model that transcribes voice notes (gpt-4o-mini-transcribe)

            Endpoints: /webhook (Meta), /health, /dashboard and /api (staff).
            """;
}

package sportello.app;

/** The text of {@code --help}. */
final class Usage {

    private Usage() {}

    static final String TEXT = """
            Sportello {version}: an AI front desk for WhatsApp Business.

            Usage:
              java -jar sportello.jar            start the service (same as 'serve')
              java -jar sportello.jar --help     show this help
              java -jar sportello.jar --version  show the version

            Configuration comes from environment variables, or from a .env file in the
            working directory (the environment wins). With no WhatsApp settings Sportello
            starts in demo mode; with no OPENAI_API_KEY it answers with its offline agent.

              PORT                   HTTP port (3000)
              BIND_ADDRESS           address to listen on (0.0.0.0)
              DATA_DIR               database, logs and media (./data)
              BUSINESS_NAME          how the assistant names the business (Sportello)
              VERIFY_TOKEN           webhook verify token you chose in Meta's App Dashboard
              WHATSAPP_ACCESS_TOKEN  system-user access token
              WHATSAPP_PHONE_ID      phone number id (numeric, from API Setup)
              WHATSAPP_ACCOUNT_ID    WhatsApp Business Account id
              WHATSAPP_APP_SECRET    app secret, to check webhook signatures
              WHATSAPP_API_BASE_URL  Graph API base URL (https://graph.facebook.com)
              WHATSAPP_API_VERSION   Graph API version (v26.0)
              OPENAI_API_KEY         OpenAI API key
              OPENAI_BASE_URL        OpenAI base URL, including /v1 (https://api.openai.com/v1)
              OPENAI_MODEL           model name (gpt-4.1; gpt-4.1-mini is the cheaper choice)
              OPENAI_PROMPT_ID       optional stored prompt id (compatibility only)
              OPENAI_PROMPT_VERSION  optional version of that stored prompt

            Endpoints: /webhook (Meta), /health, /api/conversations (local network only).
            """;
}

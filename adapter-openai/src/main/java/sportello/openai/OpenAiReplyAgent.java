package sportello.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.Conversation;
import sportello.domain.profile.ProfileSchema;
import sportello.openai.wire.Outcome;
import sportello.openai.wire.ResponsesEndpoint;
import sportello.openai.wire.RetryHint;
import sportello.openai.wire.Turn;
import sportello.ports.out.ReplyAgent;

/**
 * The bot's answers from OpenAI's Responses API, stateless: each turn sends the business's rendered instructions
 * and a window of the conversation. Transient failures are retried within a deadline; anything a person must fix
 * (key, quota, model) becomes a critical {@link Answer.Unavailable} and one alert.
 */
public final class OpenAiReplyAgent implements ReplyAgent {

    private static final Logger log = LoggerFactory.getLogger(OpenAiReplyAgent.class);

    private final OpenAiSettings settings;
    private final InstructionTemplate template;
    private final ResponsesEndpoint endpoint;
    private final TurnComposer composer;
    private final RetryPolicy retryPolicy;
    private final Alarms alarms;
    private final Sleeper sleeper;
    private final InstantSource clock;
    /** Set once the stored prompt is gone (404); from then on only our own template is sent. */
    private final AtomicBoolean promptGone = new AtomicBoolean();

    /**
     * @param client the application's shared client; this agent derives its own timeouts from it
     * @param criticalAlert told once per problem only a person can fix (bad key, no credit, unknown model)
     */
    public OpenAiReplyAgent(
            OpenAiSettings settings,
            OkHttpClient client,
            ObjectMapper mapper,
            InstructionTemplate template,
            Consumer<String> criticalAlert) {
        this(
                settings,
                client,
                mapper,
                template,
                criticalAlert,
                Sleeper.system(),
                InstantSource.system(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    OpenAiReplyAgent(
            OpenAiSettings settings,
            OkHttpClient client,
            ObjectMapper mapper,
            InstructionTemplate template,
            Consumer<String> criticalAlert,
            Sleeper sleeper,
            InstantSource clock,
            DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.template = Objects.requireNonNull(template, "template");
        OkHttpClient timed = client.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .build();
        this.endpoint = new ResponsesEndpoint(settings.baseUrl(), settings.apiKey(), timed, mapper);
        this.composer = new TurnComposer(settings);
        this.retryPolicy = new RetryPolicy(random);
        this.alarms = new Alarms(Objects.requireNonNull(criticalAlert, "criticalAlert"));
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public Answer answer(Conversation conversation, ProfileSchema schema, Instant now) {
        List<Turn.Utterance> history = History.of(conversation, settings.historyMessages());
        if (history.isEmpty()) {
            return new Answer.Unavailable("nothing to answer: the conversation has no text yet", false);
        }
        Map<String, String> variables =
                TurnVariables.of(conversation, schema, now, settings.businessName(), settings.timeZone());
        Turn turn = composer.compose(conversation, history, template.render(variables), variables);
        try {
            return attempt(turn, conversation);
        } catch (RuntimeException e) {
            // the port promises an answer, never an exception: the caller then holds and flags the chat
            log.error("OpenAI call failed unexpectedly in conversation {}", conversation.id(), e);
            return new Answer.Unavailable("unexpected error calling OpenAI: " + e, false);
        }
    }

    private Answer attempt(Turn turn, Conversation conversation) {
        Instant deadline = clock.instant().plus(settings.retryDeadline());
        int retries = 0;
        while (true) {
            Turn sent = promptGone.get() ? turn.withoutPrompt() : turn;
            Verdict verdict;
            RetryHint hint = RetryHint.NONE;
            String requestId = null;
            switch (endpoint.post(sent)) {
                case Outcome.Answered answered -> {
                    alarms.allClear();
                    return new Answer.Reply(answered.text());
                }
                case Outcome.NoAnswer none -> {
                    return noUsableReply(none, conversation);
                }
                case Outcome.Rejected rejected
                when rejected.status() == 404 && sent.prompt() != null -> {
                    dropStoredPrompt(sent.prompt(), rejected.requestId());
                    continue; // not a retry: a different request, sent at once
                }
                case Outcome.Rejected rejected -> {
                    verdict = Triage.of(rejected, settings.model());
                    hint = rejected.hint();
                    requestId = rejected.requestId();
                }
                case Outcome.Unreachable unreachable -> verdict = Triage.of(unreachable);
            }
            String context = " in conversation " + conversation.id()
                    + (requestId == null ? "" : " [x-request-id " + requestId + "]");
            Optional<Duration> delay = retryPolicy.delay(retries, hint);
            Optional<String> stop = reasonToStop(verdict, retries, hint, delay, deadline);
            if (stop.isPresent()) {
                return giveUp(verdict, stop.get(), context);
            }
            log.warn(
                    "{}{}; retrying in {} ms",
                    verdict.reason(),
                    context,
                    delay.orElseThrow().toMillis());
            try {
                sleeper.sleep(delay.orElseThrow());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer.Unavailable("interrupted while waiting to retry OpenAI", false);
            }
            retries++;
        }
    }

    /** Why no further attempt is made, or empty to retry after {@code delay}. */
    private Optional<String> reasonToStop(
            Verdict verdict, int retries, RetryHint hint, Optional<Duration> delay, Instant deadline) {
        if (!verdict.retryable()) {
            return Optional.of(verdict.reason());
        }
        if (retries >= RetryPolicy.MAX_RETRIES) {
            return Optional.of(verdict.reason() + ", " + (retries + 1) + " attempts");
        }
        if (delay.isEmpty()) {
            return Optional.of(verdict.reason() + ", asked to wait "
                    + hint.afterValue().orElseThrow().toSeconds() + " s");
        }
        if (clock.instant().plus(delay.get()).isAfter(deadline)) {
            // the customer has waited long enough: a holding message and a staff flag serve them better
            return Optional.of(verdict.reason() + ", no time left within "
                    + settings.retryDeadline().toSeconds() + " s");
        }
        return Optional.empty();
    }

    /** OpenAI works; this turn just produced nothing fit to send (cut short, refused, empty). */
    private Answer noUsableReply(Outcome.NoAnswer none, Conversation conversation) {
        alarms.allClear();
        log.warn(
                "OpenAI gave no usable reply in conversation {}: {} [x-request-id {}]",
                conversation.id(),
                none.reason(),
                none.requestId());
        return new Answer.Unavailable("OpenAI gave no usable reply: " + none.reason(), false);
    }

    /** Stored prompts are being shut down (reference §3): say so once, then carry on with our own template. */
    private void dropStoredPrompt(Turn.StoredPrompt prompt, String requestId) {
        promptGone.set(true);
        alarms.once(
                "prompt",
                "OpenAI does not know the stored prompt '" + prompt.id()
                        + "' (404): answering with Sportello's own instructions from now on;"
                        + " remove OPENAI_PROMPT_ID [x-request-id " + requestId + "]");
    }

    private Answer giveUp(Verdict verdict, String reason, String context) {
        switch (verdict.severity()) {
            case CRITICAL -> alarms.critical(verdict.condition(), reason + context);
            case ERROR -> alarms.error(verdict.condition(), reason + context);
            case TRANSIENT -> log.warn("Giving up: {}{}", reason, context);
        }
        return new Answer.Unavailable(reason, verdict.isCritical());
    }
}

package sportello.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.Conversation;
import sportello.domain.profile.ProfileSchema;
import sportello.openai.wire.FunctionCall;
import sportello.openai.wire.Outcome;
import sportello.openai.wire.ResponsesEndpoint;
import sportello.openai.wire.RetryHint;
import sportello.openai.wire.Turn;
import sportello.ports.out.AgentTools;
import sportello.ports.out.MediaStore;
import sportello.ports.out.ReplyAgent;
import sportello.ports.out.StoredMedia;
import sportello.ports.out.Usage;

/**
 * The bot's answers from OpenAI's Responses API, stateless: each turn sends the business's rendered instructions,
 * a window of the conversation and the tools (profile saving, handoff, optionally document search). When the model
 * calls functions they run through {@link AgentTools} and the results go back, for a few rounds at most
 * (reference §7). Transient failures are retried within a deadline; anything a person must fix (key, quota,
 * model) becomes a critical {@link Answer.Unavailable} and one alert. Every model call is metered in the answer.
 * Given media storage and a model that sees images, the photos the customer just sent go along as pictures
 * ({@link Photos}).
 */
public final class OpenAiReplyAgent implements ReplyAgent {

    private static final Logger log = LoggerFactory.getLogger(OpenAiReplyAgent.class);

    private final OpenAiSettings settings;
    private final InstructionTemplate template;
    private final ResponsesEndpoint endpoint;
    private final TurnComposer composer;
    private final Toolbox toolbox;
    private final Metering metering;
    private final RetryPolicy retryPolicy;
    private final Alarms alarms;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final int readTimeoutMillis;
    private final Photos photos;
    /** Set once the stored prompt is gone (404); from then on only our own template is sent. */
    private final AtomicBoolean promptGone = new AtomicBoolean();

    /** With the reference's default prices; see the other constructor. */
    public OpenAiReplyAgent(
            OpenAiSettings settings,
            OkHttpClient client,
            ObjectMapper mapper,
            InstructionTemplate template,
            Consumer<String> criticalAlert) {
        this(settings, client, mapper, template, ModelPrices.defaults(), criticalAlert);
    }

    /**
     * @param client the application's shared client; this agent derives its own timeouts from it
     * @param prices what each call costs, reported in every answer's usage
     * @param criticalAlert told once per problem only a person can fix (bad key, no credit, unknown model)
     */
    public OpenAiReplyAgent(
            OpenAiSettings settings,
            OkHttpClient client,
            ObjectMapper mapper,
            InstructionTemplate template,
            ModelPrices prices,
            Consumer<String> criticalAlert) {
        this(settings, client, mapper, template, prices, criticalAlert, null);
    }

    /**
     * Also shows the model the photos the customer just sent, read from {@code media}, when the model sees images
     * ({@link ModelFamily#acceptsImages}); with a null {@code media}, photos are their captions, as elsewhere.
     */
    public OpenAiReplyAgent(
            OpenAiSettings settings,
            OkHttpClient client,
            ObjectMapper mapper,
            InstructionTemplate template,
            ModelPrices prices,
            Consumer<String> criticalAlert,
            MediaStore media) {
        this(
                settings,
                client,
                mapper,
                template,
                prices,
                criticalAlert,
                media,
                Sleeper.system(),
                InstantSource.system(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    OpenAiReplyAgent(
            OpenAiSettings settings,
            OkHttpClient client,
            ObjectMapper mapper,
            InstructionTemplate template,
            ModelPrices prices,
            Consumer<String> criticalAlert,
            MediaStore media,
            Sleeper sleeper,
            InstantSource clock,
            DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.template = Objects.requireNonNull(template, "template");
        OkHttpClient timed = client.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.effectiveReadTimeout())
                .writeTimeout(settings.effectiveReadTimeout())
                .build();
        this.readTimeoutMillis = timed.readTimeoutMillis();
        this.endpoint = new ResponsesEndpoint(settings.baseUrl(), settings.apiKey(), timed, mapper);
        this.composer = new TurnComposer(settings);
        this.toolbox = new Toolbox(settings.vectorStoreId());
        this.metering = new Metering(Objects.requireNonNull(prices, "prices"));
        this.retryPolicy = new RetryPolicy(random);
        this.alarms = new Alarms(Objects.requireNonNull(criticalAlert, "criticalAlert"));
        this.sleeper = sleeper;
        this.clock = clock;
        this.photos = Photos.of(media, settings.model());
    }

    @Override
    public Answer answer(Conversation conversation, ProfileSchema schema, Instant now, AgentTools tools) {
        Map<String, StoredMedia> shown = photos.toShow(conversation);
        History.Window window = window(conversation, shown.keySet());
        List<Turn.Utterance> history = withPhotos(window, shown);
        if (history.isEmpty()) {
            return new Answer.Unavailable("nothing to answer: the conversation has no text yet", false);
        }
        HistoryWindow shape = window.shape();
        log.debug(
                "History of conversation {}: {} messages kept, {} summarised, {} shortened, ~{} of {} tokens",
                conversation.id(),
                shape.messagesKept(),
                shape.messagesSummarised(),
                shape.messagesShortened(),
                shape.estimatedTokens(),
                shape.tokenBudget());
        Map<String, String> variables =
                TurnVariables.of(conversation, schema, now, settings.businessName(), settings.timeZone());
        Turn first =
                composer.compose(conversation, history, template.render(variables), variables, toolbox.tools(schema));
        List<Usage> usage = new ArrayList<>();
        try {
            return converse(first, conversation, schema, tools, usage);
        } catch (RuntimeException e) {
            // the port promises an answer, never an exception: the caller then holds and flags the chat
            log.error("OpenAI call failed unexpectedly in conversation {}", conversation.id(), e);
            return new Answer.Unavailable("unexpected error calling OpenAI: " + e, false, usage);
        }
    }

    /**
     * What the history of {@code conversation} comes to in a request, as {@link #answer} would send it now: for
     * metrics beside the billed tokens of each answer's usage. No call to OpenAI, and of media storage only what it
     * knows about the photos, never their bytes.
     */
    public HistoryWindow historyWindow(Conversation conversation) {
        return window(conversation, photos.toShow(conversation).keySet()).shape();
    }

    /** The read timeout this agent's requests use, after {@link OpenAiSettings#effectiveReadTimeout()}. */
    int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    private History.Window window(Conversation conversation, Set<String> withPhotos) {
        return History.of(
                conversation,
                settings.historyMessages(),
                settings.historyTokenBudget(),
                settings.timeZone(),
                withPhotos);
    }

    /** The window's items with the photos of its kept messages read in; a photo that cannot be read is left out. */
    private List<Turn.Utterance> withPhotos(History.Window window, Map<String, StoredMedia> shown) {
        List<Turn.Utterance> input = new ArrayList<>(window.input());
        window.photos()
                .forEach((index, messageId) -> photos.read(shown.get(messageId))
                        .ifPresent(image -> input.set(index, input.get(index).withImage(image))));
        return input;
    }

    /**
     * The function-calling loop: run every call of a response, send the items back with one output per call,
     * and after {@code toolRounds} rounds ask once more with {@code tool_choice: none}, which must give text. If
     * the document search fails, the round is asked again once without {@code file_search}: an answer without the
     * documents beats no answer, and the instructions forbid inventing what they would have said.
     */
    private Answer converse(
            Turn first, Conversation conversation, ProfileSchema schema, AgentTools tools, List<Usage> usage) {
        Instant deadline = clock.instant().plus(settings.retryDeadline());
        Turn base = first;
        List<Turn.Exchange> exchanges = new ArrayList<>();
        Map<String, String> outputs = new HashMap<>(); // by call_id: a repeated call is answered, not run again
        for (int round = 0; ; round++) {
            boolean last = round >= settings.toolRounds();
            Turn turn = base.continued(exchanges, last ? Turn.ToolChoice.NONE : Turn.ToolChoice.AUTO);
            boolean searching = turn.searchesFiles();
            switch (send(turn, conversation, deadline, usage)) {
                case Step.Finished(var answer) -> {
                    return answer;
                }
                case Step.SearchFailed(var failed)
                when searching -> {
                    log.warn(
                            "OpenAI's document search failed in conversation {}: {}; asking again without it"
                                    + " [x-request-id {}]",
                            conversation.id(),
                            failed.reason(),
                            failed.requestId());
                    base = base.withoutFileSearch();
                    exchanges.replaceAll(Turn.Exchange::withoutFileSearch);
                    round--; // the same round once more, not a new one
                }
                case Step.SearchFailed(var failed) -> {
                    return noUsableReply(failed.reason(), failed.requestId(), conversation, usage);
                }
                case Step.Called(var called)
                when last -> {
                    log.warn(
                            "OpenAI still called {} after {} rounds in conversation {} [x-request-id {}]",
                            called.calls().stream().map(FunctionCall::name).toList(),
                            settings.toolRounds(),
                            conversation.id(),
                            called.requestId());
                    return new Answer.Unavailable(
                            "OpenAI kept calling tools after " + settings.toolRounds() + " rounds", false, usage);
                }
                case Step.Called(var called) -> {
                    List<Turn.CallOutput> results = new ArrayList<>();
                    for (FunctionCall call : called.calls()) {
                        String output = outputs.computeIfAbsent(call.callId(), id -> toolbox.run(call, schema, tools));
                        results.add(new Turn.CallOutput(call.callId(), output));
                    }
                    log.debug(
                            "Round {} in conversation {}: ran {}",
                            round + 1,
                            conversation.id(),
                            called.calls().stream().map(FunctionCall::name).toList());
                    exchanges.add(new Turn.Exchange(called.replay(), results));
                }
            }
        }
    }

    /** What one request came to once retries are over: an answer for the caller, calls to run, or a failed search. */
    private sealed interface Step {
        record Finished(Answer answer) implements Step {}

        record Called(Outcome.CallsFunctions calls) implements Step {}

        record SearchFailed(Outcome.SearchFailed failure) implements Step {}
    }

    private Step send(Turn turn, Conversation conversation, Instant deadline, List<Usage> usage) {
        int retries = 0;
        while (true) {
            Turn sent = promptGone.get() ? turn.withoutPrompt() : turn;
            Verdict verdict;
            RetryHint hint = RetryHint.NONE;
            String requestId = null;
            switch (endpoint.post(sent)) {
                case Outcome.Answered answered -> {
                    alarms.allClear();
                    usage.add(metering.usage(answered.consumption(), clock.instant()));
                    return new Step.Finished(reply(answered, conversation, usage));
                }
                case Outcome.CallsFunctions called -> {
                    alarms.allClear();
                    usage.add(metering.usage(called.consumption(), clock.instant()));
                    return new Step.Called(called);
                }
                case Outcome.SearchFailed failed -> {
                    alarms.allClear();
                    usage.add(metering.usage(failed.consumption(), clock.instant()));
                    return new Step.SearchFailed(failed);
                }
                case Outcome.NoAnswer none -> {
                    none.consumptionValue().ifPresent(c -> usage.add(metering.usage(c, clock.instant())));
                    return new Step.Finished(noUsableReply(none.reason(), none.requestId(), conversation, usage));
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
                return new Step.Finished(giveUp(verdict, stop.get(), context, usage));
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
                return new Step.Finished(
                        new Answer.Unavailable("interrupted while waiting to retry OpenAI", false, usage));
            }
            retries++;
        }
    }

    /** Markdown becomes WhatsApp formatting, and a reply past WhatsApp's limit is cut at a boundary. */
    private Answer reply(Outcome.Answered answered, Conversation conversation, List<Usage> usage) {
        String formatted = WhatsAppFormatting.fromMarkdown(answered.text());
        String text = WhatsAppFormatting.fit(formatted, WhatsAppFormatting.MAX_LENGTH);
        if (text.isEmpty()) {
            return noUsableReply("the reply was empty once formatted", answered.requestId(), conversation, usage);
        }
        if (text.length() < formatted.length()) {
            log.warn(
                    "OpenAI's reply in conversation {} had {} characters; cut to {} [x-request-id {}]",
                    conversation.id(),
                    formatted.length(),
                    text.length(),
                    answered.requestId());
        }
        return new Answer.Reply(text, usage);
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
    private Answer noUsableReply(String reason, String requestId, Conversation conversation, List<Usage> usage) {
        alarms.allClear();
        log.warn(
                "OpenAI gave no usable reply in conversation {}: {} [x-request-id {}]",
                conversation.id(),
                reason,
                requestId);
        return new Answer.Unavailable("OpenAI gave no usable reply: " + reason, false, usage);
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

    private Answer giveUp(Verdict verdict, String reason, String context, List<Usage> usage) {
        switch (verdict.severity()) {
            case CRITICAL -> alarms.critical(verdict.condition(), reason + context);
            case ERROR -> alarms.error(verdict.condition(), reason + context);
            case TRANSIENT -> log.warn("Giving up: {}{}", reason, context);
        }
        return new Answer.Unavailable(reason, verdict.isCritical(), usage);
    }
}

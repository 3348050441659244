package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Mode;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingChannel;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.ScriptedReplyAgent;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.AgentTools;
import sportello.ports.out.RawDelivery;
import sportello.ports.out.ReplyAgent;
import sportello.ports.out.ReplyAgent.Answer;
import sportello.ports.out.Usage;

/** What the agent does with its tools during a turn ends up in the conversation, checked by the domain's rules. */
class AgentToolsInATurnTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final RecordingEvents events = new RecordingEvents();
    private final ManualClock clock = new ManualClock(TestMessages.T0);

    private sportello.domain.business.BusinessHours hours = sportello.domain.business.BusinessHours.UNKNOWN;

    private void turn(ReplyAgent agent, String customerText) {
        storage.store(
                new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), TestMessages.T0),
                List.of(text(giulia(), "wamid." + customerText.hashCode(), customerText)),
                List.of());
        var receiving = new ReceivingCustomerMessage(
                new ReceivingCustomerMessage.Ports(
                        storage, storage, storage, agent, new RecordingChannel(), storage, events),
                clock,
                ProfileSchema.standard(),
                "fallback",
                () -> {},
                new ReceivingCustomerMessage.Extras(KeepingMedia.none(), TranscribingVoiceNotes.none(), hours));
        receiving.receive(storage.pending(10));
    }

    private ReplyAgent agentThat(java.util.function.Function<AgentTools, Answer> behaviour) {
        return new ReplyAgent() {
            @Override
            public Answer answer(Conversation c, ProfileSchema schema, java.time.Instant now, AgentTools tools) {
                return behaviour.apply(tools);
            }
        };
    }

    private Conversation conversation() {
        return storage.byCustomer(giulia()).orElseThrow();
    }

    @Test
    void savedProfileValue_isStoredWithTheCustomersMessageAsSource() {
        turn(
                agentThat(tools -> {
                    tools.saveProfile(Map.of("orderNumber", "CB-20417"));
                    return new Answer.Reply("Grazie!");
                }),
                "il mio ordine è quello di martedì");

        var value = conversation().profile().value("orderNumber").orElseThrow();
        assertThat(value.value()).isEqualTo("CB-20417");
        var inbound = conversation().messages().stream()
                .filter(m -> m.direction() == Direction.IN)
                .findFirst()
                .orElseThrow();
        assertThat(value.source()).isEqualTo(inbound.id());
    }

    @Test
    void invalidValueFromTheModel_isRejected_andTheModelIsTold() {
        var result = new AtomicReference<AgentTools.ToolResult>();

        turn(
                agentThat(tools -> {
                    result.set(tools.saveProfile(Map.of("email", "giulia at example")));
                    return new Answer.Reply("Mi ridà l'e-mail?");
                }),
                "giulia at example");

        assertThat(conversation().profile().value("email")).isEmpty();
        assertThat(result.get().ok()).isFalse();
        assertThat(result.get().summary()).contains("email").contains("not a valid e-mail");
    }

    @Test
    void handoff_switchesToStaff_flagsIt_andStillSendsTheHandoffMessage() {
        turn(
                agentThat(tools -> {
                    tools.requestHandoff("vuole parlare con una persona");
                    return new Answer.Reply("Un collega la contatterà a breve.");
                }),
                "voglio parlare con una persona");

        assertThat(conversation().mode()).isEqualTo(Mode.HUMAN);
        assertThat(conversation().attention().reason()).isEqualTo("Handoff requested: vuole parlare con una persona");
        assertThat(conversation().messages().getLast().text()).isEqualTo("Un collega la contatterà a breve.");
    }

    @Test
    void handoffWhileClosed_tellsTheAgentToGiveTheOpeningHours() {
        // T0 is Wednesday 10:00 in Rome; the shop opens in the afternoon only
        hours = new sportello.domain.business.BusinessHours(
                sportello.domain.business.OpeningHours.parse("lun-sab 15-19"), java.time.ZoneId.of("Europe/Rome"));
        var result = new AtomicReference<AgentTools.ToolResult>();
        var closed = new AtomicReference<java.util.Optional<String>>();

        turn(
                agentThat(tools -> {
                    result.set(tools.requestHandoff("reso"));
                    closed.set(tools.openingHoursWhileClosed());
                    return new Answer.Reply("Un collega la contatterà alle 15.");
                }),
                "voglio parlare con qualcuno");

        assertThat(closed.get()).contains("lun-sab 15-19");
        assertThat(result.get().summary()).contains("closed now").contains("lun-sab 15-19");
    }

    @Test
    void handoffWhileOpen_saysNothingAboutHours() {
        hours = new sportello.domain.business.BusinessHours(
                sportello.domain.business.OpeningHours.parse("lun-sab 9-19"), java.time.ZoneId.of("Europe/Rome"));
        var closed = new AtomicReference<java.util.Optional<String>>();

        turn(
                agentThat(tools -> {
                    tools.requestHandoff("reso");
                    closed.set(tools.openingHoursWhileClosed());
                    return new Answer.Reply("Un collega la contatterà.");
                }),
                "voglio parlare con qualcuno");

        assertThat(closed.get()).isEmpty();
    }

    @Test
    void afterAHandoff_theBotPausesOnTheNextMessage() {
        var agent = new ScriptedReplyAgent();
        turn(
                agentThat(tools -> {
                    tools.requestHandoff("reso");
                    return new Answer.Reply("Un collega la contatterà.");
                }),
                "voglio fare un reso");

        turn(agent, "ci siete?");

        assertThat(agent.turns()).isEmpty();
    }

    @Test
    void usageOfTheTurn_isRecorded() {
        var usage = new Usage("gpt-4.1-mini", 1864, 1536, 38, new BigDecimal("0.000346"), TestMessages.T0);

        turn(agentThat(tools -> new Answer.Reply("Ok", List.of(usage))), "ciao");

        assertThat(storage.of(conversation().id())).containsExactly(usage);
    }

    @Test
    void everyChange_isReportedToWatchers() {
        turn(new ScriptedReplyAgent(), "ciao");

        assertThat(events.changed())
                .isNotEmpty()
                .allMatch(id -> id.equals(conversation().id()));
    }
}

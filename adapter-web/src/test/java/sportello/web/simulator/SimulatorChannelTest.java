package sportello.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.DeliveryState;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Channel.SendResult;
import sportello.ports.usecase.ReceivingWebhook;

/** The channel on its own: what it tells the inbox, through the simulator's webhook path. */
class SimulatorChannelTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ManualClock clock = new ManualClock(TestMessages.T0);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final RecordingEvents events = new RecordingEvents();
    private final SimulatorChannel channel = new SimulatorChannel(json, clock);

    private void connect() {
        channel.connect(new ReceivingWebhook(
                "simulator", new SimulatorWebhookReader(json, clock), storage, clock, () -> {}, events));
    }

    @Test
    void aSend_isAccepted_andThePhoneReportsItDeliveredThroughTheInbox() {
        connect();

        var result = channel.send(TestMessages.giulia(), "Buongiorno!", "entry-1");

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        String id = ((SendResult.Accepted) result).channelMessageId();
        assertThat(storage.channelIdFromStatusReports("entry-1")).contains(id);
        assertThat(events.statusBatches()).isEqualTo(1);
        var chat = channel.chat("393331234567").orElseThrow();
        assertThat(chat.name())
                .as("the simulator's own name for the number wins")
                .isEqualTo("Giulia");
        assertThat(chat.messages().getLast().text()).isEqualTo("Buongiorno!");
        assertThat(chat.messages().getLast().delivery().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aTemplate_landsOnThePhoneAsItsNameAndValues_fromTheDemoCatalogue() {
        connect();
        var demo = new SimulatorTemplates().approved().getFirst();

        var result = channel.sendTemplate(
                TestMessages.giulia(),
                new sportello.domain.conversation.TemplateMessage(
                        demo.name(), demo.language(), java.util.List.of("Giulia", "58213")),
                "entry-t");

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(channel.chat("393331234567")
                        .orElseThrow()
                        .messages()
                        .getLast()
                        .text())
                .isEqualTo("📋 aggiornamento_ordine: Giulia, 58213");
        assertThat(new SimulatorTemplates().approved())
                .extracting(t -> t.name() + "/" + t.language())
                .containsExactly("aggiornamento_ordine/it", "order_update/en", "traccia_spedizione/it");
    }

    @Test
    void aCustomerWithoutPhone_getsAPhoneUnderTheirUserId() {
        connect();

        var result = channel.send(TestMessages.chiara(), "Sì, c'è ancora!", "entry-2");

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(channel.chat("IT.2468013579246801").orElseThrow().name()).isEqualTo("Chiara");
    }

    @Test
    void beforeBeingConnected_sendsStillLandOnThePhone() {
        var result = channel.send(TestMessages.marco(), "Ciao", "entry-3");

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(channel.chat("393387654321")
                        .orElseThrow()
                        .messages()
                        .getLast()
                        .delivery()
                        .state())
                .isEqualTo(DeliveryState.SENT);
    }

    @Test
    void markRead_onAnotherAccount_changesNothing_andNeverThrows() {
        connect();
        var written = channel.customerWrites("393331234567", null, "Ciao");

        channel.markRead(TestMessages.ACCOUNT, written.message().id());
        channel.markRead(SimulatorWebhookReader.ACCOUNT, "sim.unknown");

        assertThat(channel.chat("393331234567")
                        .orElseThrow()
                        .messages()
                        .getLast()
                        .delivery()
                        .state())
                .isEqualTo(DeliveryState.DELIVERED);

        channel.markRead(SimulatorWebhookReader.ACCOUNT, written.message().id());

        assertThat(channel.chat("393331234567")
                        .orElseThrow()
                        .messages()
                        .getLast()
                        .delivery()
                        .state())
                .isEqualTo(DeliveryState.READ);
    }
}

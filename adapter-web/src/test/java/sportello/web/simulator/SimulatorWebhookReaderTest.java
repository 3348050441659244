package sportello.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.StatusReport;
import sportello.domain.customer.Customer;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.WebhookReader.Reading;

class SimulatorWebhookReaderTest {

    private final SimulatorWebhookReader reader =
            new SimulatorWebhookReader(new ObjectMapper(), new ManualClock(TestMessages.T0));

    private Reading read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void aCustomersMessage_isReadWithItsIdAndName() {
        var reading =
                read("{\"id\": \"sim.1\", \"from\": \"+39 333 123 4567\", \"name\": \"Giulia\", \"text\": \"Ciao\"}");

        assertThat(reading).isInstanceOfSatisfying(Reading.Events.class, events -> {
            CustomerMessage message = events.messages().getFirst();
            assertThat(message.channelAccount()).isEqualTo(SimulatorWebhookReader.ACCOUNT);
            assertThat(message.channelMessageId()).isEqualTo("sim.1");
            assertThat(message.customer()).isEqualTo(Customer.of(null, "393331234567", "Giulia"));
            assertThat(message.text()).isEqualTo("Ciao");
            assertThat(message.sentAt()).isEqualTo(TestMessages.T0);
            assertThat(events.statuses()).isEmpty();
        });
    }

    @Test
    void aMessageWithoutId_getsOne() {
        var reading = read("{\"from\": \"+39 347 123 4567\", \"text\": \"Ciao\"}");

        assertThat(reading)
                .isInstanceOfSatisfying(
                        Reading.Events.class,
                        events -> assertThat(events.messages().getFirst().channelMessageId())
                                .startsWith("sim."));
    }

    @Test
    void thePhonesReceipts_areStatusReportsWithTheirCorrelation() {
        var reading = read("{\"statuses\": [{\"id\": \"sim.9\", \"status\": \"delivered\", \"correlation\": \"e-1\"},"
                + " {\"id\": \"sim.9\", \"status\": \"read\", \"correlation\": \"e-1\"}]}");

        assertThat(reading).isInstanceOfSatisfying(Reading.Events.class, events -> {
            assertThat(events.messages()).isEmpty();
            assertThat(events.statuses())
                    .extracting(StatusReport::channelMessageId, StatusReport::state, StatusReport::correlation)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("sim.9", DeliveryState.DELIVERED, "e-1"),
                            org.assertj.core.groups.Tuple.tuple("sim.9", DeliveryState.READ, "e-1"));
        });
    }

    @Test
    void anythingElse_isUnreadable_andSaysWhatToSend() {
        assertThat(read("not json")).isInstanceOf(Reading.Unreadable.class);
        assertThat(read("[]")).isInstanceOf(Reading.Unreadable.class);
        assertThat(read("{}")).isInstanceOf(Reading.Unreadable.class);
        assertThat(read("{\"from\": \"+39 333 123 4567\", \"text\": \" \"}")).isInstanceOf(Reading.Unreadable.class);
        assertThat(read("{\"statuses\": [{\"id\": \"sim.1\", \"status\": \"lost\"}]}"))
                .isInstanceOf(Reading.Unreadable.class);
        assertThat(read("{\"text\": \"Ciao\"}"))
                .isInstanceOfSatisfying(
                        Reading.Unreadable.class, u -> assertThat(u.reason()).contains("\"from\""));
    }

    @Test
    void thereIsNoHandshake() {
        assertThat(reader.handshake(Map.of("hub.challenge", "1"))).isEmpty();
    }
}

package sportello.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Delivery;
import sportello.domain.conversation.DeliveryState;
import sportello.ports.fake.TestMessages;

class PhonesTest {

    private final Phones phones = new Phones();

    private static PhoneMessage fromCustomer(String id) {
        return new PhoneMessage(id, PhoneMessage.From.CUSTOMER, "text " + id, TestMessages.T0, Delivery.PENDING, null);
    }

    private static PhoneMessage fromBusiness(String id) {
        return new PhoneMessage(
                id,
                PhoneMessage.From.BUSINESS,
                "reply " + id,
                Instant.EPOCH,
                new Delivery(DeliveryState.SENT, null),
                id);
    }

    @Test
    void aChat_keepsOnlyItsNewestMessages() {
        for (int i = 1; i <= Phones.MESSAGES_PER_CHAT + 50; i++) {
            phones.add("393331234567", "Giulia", fromCustomer("m" + i));
        }

        var messages = phones.chat("393331234567").orElseThrow().messages();

        assertThat(messages).hasSize(Phones.MESSAGES_PER_CHAT);
        assertThat(messages.getFirst().id()).isEqualTo("m51");
        assertThat(messages.getLast().id()).isEqualTo("m250");
    }

    @Test
    void beyondTheLimitOfChats_theQuietestIsDropped() {
        for (int i = 0; i < Phones.MAX_CHATS; i++) {
            phones.open(String.valueOf(39_333_000_000L + i), "Customer " + i);
        }
        phones.add("39333000000", null, fromCustomer("still-talking"));

        phones.open("393889999999", "Newcomer");

        assertThat(phones.all()).hasSize(Phones.MAX_CHATS);
        assertThat(phones.chat("39333000001")).as("the quietest").isEmpty();
        assertThat(phones.chat("39333000000")).isPresent();
        assertThat(phones.chat("393889999999")).isPresent();
    }

    @Test
    void readingACustomerMessage_readsTheEarlierOnesToo_butNotTheLaterOnes() {
        phones.add("393331234567", "Giulia", fromCustomer("a"));
        phones.add("393331234567", "Giulia", fromCustomer("b"));
        phones.add("393331234567", "Giulia", fromBusiness("reply"));
        phones.add("393331234567", "Giulia", fromCustomer("c"));

        phones.readUpTo("b");

        assertThat(phones.chat("393331234567").orElseThrow().messages())
                .extracting(m -> m.delivery().state())
                .containsExactly(DeliveryState.READ, DeliveryState.READ, DeliveryState.SENT, DeliveryState.PENDING);
    }

    @Test
    void statesOnlyMoveForward() {
        phones.add("393331234567", "Giulia", fromCustomer("a"));

        phones.readUpTo("a");
        phones.advance("a", DeliveryState.DELIVERED, null);

        assertThat(phones.message("a").orElseThrow().delivery().state()).isEqualTo(DeliveryState.READ);
    }

    @Test
    void openingAKnownNumber_renamesItsChat_andSendingKeepsTheName() {
        phones.open("393331234567", "Giulia");
        phones.add("393331234567", "Giulia Rossi (WhatsApp)", fromBusiness("x"));
        phones.open("393331234567", "Giulia R.");

        assertThat(phones.chat("393331234567").orElseThrow().name()).isEqualTo("Giulia R.");
        assertThat(phones.all()).hasSize(1);
    }

    @Test
    void phoneNumbers_areTypedInAnyCommonWay() {
        assertThat(Phones.digits("+39 333 123 4567")).contains("393331234567");
        assertThat(Phones.digits("(039) 333-123.4567")).contains("0393331234567");
        assertThat(Phones.digits("chiamami")).isEmpty();
        assertThat(Phones.digits("12345")).isEmpty();
        assertThat(Phones.digits("+39 333 123 4567 890 12")).isEmpty();
        assertThat(Phones.digits(null)).isEmpty();
    }
}

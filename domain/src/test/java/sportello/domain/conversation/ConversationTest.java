package sportello.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.domain.conversation.TestConversations.GIULIA;
import static sportello.domain.conversation.TestMessages.MONDAY_9AM;

import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void newConversation_isAnsweredByTheBot_andNeedsNoAttention() {
        var conversation = TestConversations.newWith(GIULIA);

        assertThat(conversation.mode()).isEqualTo(Mode.BOT);
        assertThat(conversation.attention().isNeeded()).isFalse();
        assertThat(conversation.messages()).isEmpty();
        assertThat(conversation.lastMessage()).isEmpty();
    }

    @Test
    void append_addsAnOutboundMessage_inTimeOrder() {
        var conversation = TestConversations.after(GIULIA, "Ciao");
        var reply = Message.outbound("o1", Author.BOT, "Ciao Giulia!", MONDAY_9AM.plusSeconds(5));

        var updated = conversation.append(reply);

        assertThat(updated.messages()).extracting(Message::id).containsExactly("m1", "o1");
    }

    @Test
    void append_sameMessageIdTwice_keepsOne() {
        var reply = Message.outbound("o1", Author.BOT, "Ciao!", MONDAY_9AM);
        var once = TestConversations.newWith(GIULIA).append(reply);

        var twice = once.append(reply);

        assertThat(twice).isSameAs(once);
        assertThat(twice.messages()).hasSize(1);
    }

    @Test
    void withMode_handsTheConversationToStaff_andBack() {
        var conversation = TestConversations.after(GIULIA, "Ciao");

        var human = conversation.withMode(Mode.HUMAN);
        var bot = human.withMode(Mode.BOT);

        assertThat(human.mode()).isEqualTo(Mode.HUMAN);
        assertThat(human.messages()).isEqualTo(conversation.messages());
        assertThat(bot.mode()).isEqualTo(Mode.BOT);
    }

    @Test
    void flagForStaff_recordsReasonAndTime_untilHandled() {
        var conversation = TestConversations.newWith(GIULIA);

        var flagged = conversation.flagForStaff("the customer asked for a person", MONDAY_9AM);
        var handled = flagged.attentionHandled();

        assertThat(flagged.attention().isNeeded()).isTrue();
        assertThat(flagged.attention().reasonValue()).contains("the customer asked for a person");
        assertThat(flagged.attention().since()).isEqualTo(MONDAY_9AM);
        assertThat(handled.attention()).isEqualTo(Attention.NONE);
    }

    @Test
    void flagForStaff_withoutReason_isRefused() {
        var conversation = TestConversations.newWith(GIULIA);

        assertThatThrownBy(() -> conversation.flagForStaff(" ", MONDAY_9AM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageWithChannelId_findsAcceptedOutboundMessage() {
        var sent = Message.outbound("o1", Author.STAFF, "Arriva domani", MONDAY_9AM)
                .acceptedAs("wamid.out.1");
        var conversation = TestConversations.newWith(GIULIA).append(sent);

        var found = conversation.messageWithChannelId("wamid.out.1");

        assertThat(found).map(Message::id).contains("o1");
    }

    @Test
    void outboundMessage_startsPending() {
        var message = Message.outbound("o1", Author.BOT, "Ciao", MONDAY_9AM);

        assertThat(message.delivery()).isEqualTo(Delivery.PENDING);
        assertThat(message.channelMessageIdValue()).isEmpty();
        assertThat(message.direction()).isEqualTo(Direction.OUT);
    }

    @Test
    void outboundMessageByTheCustomer_isRefused() {
        assertThatThrownBy(() -> Message.outbound("o1", Author.CUSTOMER, "Ciao", MONDAY_9AM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only customers write inbound messages");
    }

    @Test
    void withDelivery_changesOnlyTheDelivery() {
        var message = Message.outbound("o1", Author.BOT, "Ciao", MONDAY_9AM);

        var delivered = message.withDelivery(new Delivery(DeliveryState.DELIVERED, null));

        assertThat(delivered.delivery().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.text()).isEqualTo("Ciao");
        assertThat(delivered.id()).isEqualTo("o1");
    }

    @Test
    void blankConversationId_isRefused() {
        assertThatThrownBy(() -> new ConversationId("")).isInstanceOf(IllegalArgumentException.class);
    }
}

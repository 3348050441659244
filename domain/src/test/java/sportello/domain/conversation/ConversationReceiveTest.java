package sportello.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.domain.conversation.TestConversations.GIULIA;
import static sportello.domain.conversation.TestMessages.MONDAY_9AM;
import static sportello.domain.conversation.TestMessages.textFrom;

import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sportello.domain.customer.Customer;
import sportello.domain.profile.FieldDefinition;
import sportello.domain.profile.FieldType;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;

class ConversationReceiveTest {

    private static final ProfileSchema SCHEMA = ProfileSchema.standard();

    @Test
    void botConversation_customerWrites_botAnswers() {
        var conversation = TestConversations.newWith(GIULIA);

        var reception = conversation.receive("m1", textFrom(GIULIA, "Ciao, siete aperti?"), SCHEMA);

        assertThat(reception).isInstanceOf(Reception.BotAnswers.class);
        assertThat(reception.conversation().messages()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("m1");
            assertThat(m.text()).isEqualTo("Ciao, siete aperti?");
            assertThat(m.direction()).isEqualTo(Direction.IN);
            assertThat(m.author()).isEqualTo(Author.CUSTOMER);
        });
    }

    @Test
    void takenOverConversation_customerWrites_staffAnswers() {
        var conversation = TestConversations.takenOverByStaff(GIULIA);

        var reception = conversation.receive("m1", textFrom(GIULIA, "Ci siete?"), SCHEMA);

        assertThat(reception).isInstanceOf(Reception.StaffAnswers.class);
        assertThat(reception.conversation().messages()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = MessageKind.class,
            names = {"REACTION", "SYSTEM", "STICKER", "EDIT", "DELETION"})
    void messageThatAsksNothing_isStored_andNeedsNoAnswer(MessageKind kind) {
        var conversation = TestConversations.newWith(GIULIA);

        var reception = conversation.receive("m1", TestMessages.ofKind(kind, GIULIA, "👍"), SCHEMA);

        assertThat(reception).isInstanceOf(Reception.NoAnswerNeeded.class);
        assertThat(reception.conversation().messages()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = MessageKind.class,
            names = {"REACTION", "SYSTEM", "STICKER", "TEMPLATE", "EDIT", "DELETION"},
            mode = EnumSource.Mode.EXCLUDE)
    void messageThatStartsATurn_inBotMode_botAnswers(MessageKind kind) {
        var conversation = TestConversations.newWith(GIULIA);

        var reception = conversation.receive("m1", TestMessages.ofKind(kind, GIULIA, "guarda qui"), SCHEMA);

        assertThat(reception).isInstanceOf(Reception.BotAnswers.class);
    }

    @Test
    void reactionInTakenOverConversation_needsNoAnswer() {
        var conversation = TestConversations.takenOverByStaff(GIULIA);

        var reception = conversation.receive("m1", TestMessages.ofKind(MessageKind.REACTION, GIULIA, "❤️"), SCHEMA);

        assertThat(reception).isInstanceOf(Reception.NoAnswerNeeded.class);
    }

    @Test
    void sameChannelMessageTwice_isStoredOnce_andSecondIsAlreadySeen() {
        var message = textFrom(GIULIA, "Ciao");
        var once =
                TestConversations.newWith(GIULIA).receive("m1", message, SCHEMA).conversation();

        var again = once.receive("m2", TestMessages.redeliveryOf(message), SCHEMA);

        assertThat(again).isInstanceOf(Reception.AlreadySeen.class);
        assertThat(again.conversation()).isSameAs(once);
        assertThat(again.conversation().messages()).hasSize(1);
        assertThat(((Reception.AlreadySeen) again).message().id()).isEqualTo("m1");
    }

    @Test
    void redeliveredMessage_learnsNothingNew() {
        var message = textFrom(GIULIA, "mi chiamo Giulia, giulia@example.it");
        var once =
                TestConversations.newWith(GIULIA).receive("m1", message, SCHEMA).conversation();

        var again = once.receive("m2", TestMessages.redeliveryOf(message), SCHEMA);

        assertThat(again.conversation().profile()).isEqualTo(once.profile());
    }

    @Test
    void profileValues_areLearned_withTheMessageIdAsProvenance() {
        var conversation = TestConversations.newWith(GIULIA);
        var message = textFrom(GIULIA, "Mi chiamo Giulia Rossi, scrivetemi a giulia.rossi@example.it. Ordine 12345");

        var profile =
                conversation.receive("m-42", message, SCHEMA).conversation().profile();

        assertThat(profile.value(ProfileSchema.NAME)).contains(new ProfileValue("Giulia Rossi", "m-42", MONDAY_9AM));
        assertThat(profile.value(ProfileSchema.EMAIL))
                .contains(new ProfileValue("giulia.rossi@example.it", "m-42", MONDAY_9AM));
        assertThat(profile.value(ProfileSchema.ORDER_NUMBER)).contains(new ProfileValue("12345", "m-42", MONDAY_9AM));
        assertThat(profile.value(ProfileSchema.PHONE)).isEmpty();
    }

    @Test
    void phoneInText_isLearnedInE164() {
        var conversation = TestConversations.newWith(GIULIA);

        var profile = conversation
                .receive("m1", textFrom(GIULIA, "il mio cell è 347 123 4567"), SCHEMA)
                .conversation()
                .profile();

        assertThat(profile.value(ProfileSchema.PHONE)).map(ProfileValue::value).contains("+393471234567");
    }

    @Test
    void knownName_isNotReplaced_byALaterIntroduction() {
        var conversation = TestConversations.after(GIULIA, "Mi chiamo Giulia Rossi");

        var profile = conversation
                .receive("m9", textFrom(GIULIA, "sono Marco, il marito", MONDAY_9AM.plusSeconds(3600)), SCHEMA)
                .conversation()
                .profile();

        assertThat(profile.value(ProfileSchema.NAME)).map(ProfileValue::value).contains("Giulia Rossi");
    }

    @Test
    void newerEmail_replacesOlderOne() {
        var conversation = TestConversations.after(GIULIA, "scrivete a vecchia@example.it");

        var profile = conversation
                .receive("m9", textFrom(GIULIA, "anzi, usate nuova@example.it", MONDAY_9AM.plusSeconds(3600)), SCHEMA)
                .conversation()
                .profile();

        assertThat(profile.value(ProfileSchema.EMAIL))
                .contains(new ProfileValue("nuova@example.it", "m9", MONDAY_9AM.plusSeconds(3600)));
    }

    @Test
    void lateArrivingOlderMessage_doesNotOverwriteNewerValue() {
        var conversation = TestConversations.after(GIULIA, "usate nuova@example.it");
        var older = textFrom(GIULIA, "scrivete a vecchia@example.it", MONDAY_9AM.minusSeconds(3600));

        var profile = conversation.receive("m0", older, SCHEMA).conversation().profile();

        assertThat(profile.value(ProfileSchema.EMAIL)).map(ProfileValue::value).contains("nuova@example.it");
    }

    @Test
    void systemNotice_teachesNothingAboutTheCustomer() {
        var conversation = TestConversations.newWith(GIULIA);
        var notice = TestMessages.ofKind(MessageKind.SYSTEM, GIULIA, "User changed number to +39 347 999 8888");

        var profile = conversation.receive("m1", notice, SCHEMA).conversation().profile();

        assertThat(profile.values()).isEmpty();
    }

    @Test
    void customFieldWithPattern_isLearned() {
        var schema = SCHEMA.with(new FieldDefinition(
                "fidelityCard", "Carta fedeltà", FieldType.TEXT, Pattern.compile("FID-\\d{6}"), false));
        var conversation = TestConversations.newWith(GIULIA);

        var profile = conversation
                .receive("m1", textFrom(GIULIA, "la mia carta è FID-123456"), schema)
                .conversation()
                .profile();

        assertThat(profile.value("fidelityCard")).map(ProfileValue::value).contains("FID-123456");
    }

    @Test
    void messages_areKeptInTimeOrder_whateverOrderTheyArrive() {
        var conversation = TestConversations.newWith(GIULIA);
        var second = textFrom(GIULIA, "secondo", MONDAY_9AM.plusSeconds(60));
        var first = textFrom(GIULIA, "primo", MONDAY_9AM);
        var third = textFrom(GIULIA, "terzo", MONDAY_9AM.plusSeconds(120));

        var received = conversation
                .receive("m2", second, SCHEMA)
                .conversation()
                .receive("m3", third, SCHEMA)
                .conversation()
                .receive("m1", first, SCHEMA)
                .conversation();

        assertThat(received.messages()).extracting(Message::text).containsExactly("primo", "secondo", "terzo");
        assertThat(received.lastMessage()).map(Message::text).contains("terzo");
    }

    @Test
    void messagesAtTheSameInstant_keepArrivalOrder() {
        var conversation = TestConversations.newWith(GIULIA);

        var received = conversation
                .receive("m1", textFrom(GIULIA, "uno"), SCHEMA)
                .conversation()
                .receive("m2", textFrom(GIULIA, "due"), SCHEMA)
                .conversation();

        assertThat(received.messages()).extracting(Message::text).containsExactly("uno", "due");
    }

    @Test
    void receive_updatesWhatTheChannelSaysAboutTheCustomer() {
        var conversation = Conversation.start(new ConversationId("c1"), Customer.of("IT.1", GIULIA, "Giulia"));
        var incoming = new CustomerMessage(
                TestMessages.BUSINESS_NUMBER,
                "wamid.1",
                Customer.of("IT.1", null, "Giulia Rossi"),
                MessageKind.TEXT,
                "Ciao",
                MONDAY_9AM,
                null);

        var customer =
                conversation.receive("m1", incoming, SCHEMA).conversation().customer();

        assertThat(customer.displayNameValue()).contains("Giulia Rossi");
        assertThat(customer.phoneValue()).contains(GIULIA);
    }

    @Test
    void receive_leavesTheOriginalConversationUntouched() {
        var conversation = TestConversations.newWith(GIULIA);

        conversation.receive("m1", textFrom(GIULIA, "sono Giulia"), SCHEMA);

        assertThat(conversation.messages()).isEmpty();
        assertThat(conversation.profile().values()).isEmpty();
    }

    @Test
    void inboundMessage_isMarkedDelivered() {
        var conversation = TestConversations.newWith(GIULIA);

        var message = conversation
                .receive("m1", textFrom(GIULIA, "Ciao"), SCHEMA)
                .conversation()
                .messages()
                .getFirst();

        assertThat(message.delivery().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(message.channelMessageIdValue()).isPresent();
    }

    @Test
    void lastInboundAt_ignoresOutboundMessages() {
        var conversation = TestConversations.after(GIULIA, "Ciao")
                .append(Message.outbound(
                        "o1", Author.BOT, "Ciao! Come posso aiutarti?", Instant.parse("2026-11-17T09:00:00Z")));

        assertThat(conversation.lastInboundAt()).contains(MONDAY_9AM);
    }

    @Test
    void edit_isKeptBesideTheOriginal_teachesTheProfile_andStartsNoTurn() {
        var original = TestMessages.textFrom(GIULIA, "la mia mail è giulia.rosi@example.it");
        var conversation = TestConversations.newWith(GIULIA)
                .receive("m1", original, SCHEMA)
                .conversation();
        var edit = new CustomerMessage(
                TestMessages.BUSINESS_NUMBER,
                "wamid.edit",
                TestMessages.customer(GIULIA),
                MessageKind.EDIT,
                "la mia mail è giulia.rossi@example.it",
                TestMessages.MONDAY_9AM.plusSeconds(60),
                "{}",
                null,
                original.channelMessageId());

        var reception = conversation.receive("m2", edit, SCHEMA);

        assertThat(reception).isInstanceOf(Reception.NoAnswerNeeded.class);
        assertThat(reception.conversation().messages())
                .extracting(Message::text)
                .containsExactly("la mia mail è giulia.rosi@example.it", "la mia mail è giulia.rossi@example.it");
        assertThat(reception
                        .conversation()
                        .profile()
                        .value("email")
                        .orElseThrow()
                        .value())
                .isEqualTo("giulia.rossi@example.it");
    }

    @Test
    void deletion_showsStaffWhatWasDeleted_andTeachesNothing() {
        var original = TestMessages.textFrom(GIULIA, "ordine 58213, scusate ho sbagliato chat");
        var conversation = TestConversations.newWith(GIULIA)
                .receive("m1", original, SCHEMA)
                .conversation();
        var deletion = new CustomerMessage(
                TestMessages.BUSINESS_NUMBER,
                "wamid.del",
                TestMessages.customer(GIULIA),
                MessageKind.DELETION,
                "🗑 message deleted by the customer",
                TestMessages.MONDAY_9AM.plusSeconds(60),
                "{}",
                null,
                original.channelMessageId());

        var reception = conversation.receive("m2", deletion, SCHEMA);

        assertThat(reception).isInstanceOf(Reception.NoAnswerNeeded.class);
        assertThat(reception.conversation().messages().getLast().text())
                .isEqualTo("🗑 message deleted by the customer: «ordine 58213, scusate ho sbagliato chat»");
    }

    @Test
    void pricing_saysWhetherTheMessageIsCharged() {
        assertThat(new Pricing("PMP", "free_customer_service", "service").charged())
                .isFalse();
        assertThat(new Pricing("PMP", "regular", "utility").charged()).isTrue();
    }
}

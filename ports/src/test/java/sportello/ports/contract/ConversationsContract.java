package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.chiara;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.marco;
import static sportello.ports.fake.TestMessages.text;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.conversation.Mode;
import sportello.domain.conversation.Reception;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ConversationQuery;
import sportello.ports.out.ConversationSummary;
import sportello.ports.out.Conversations;

/** What every {@link Conversations} must do; run against the fake and the real storage. */
public abstract class ConversationsContract {

    private static final java.time.Instant NOW = T0.plus(Duration.ofHours(1));
    private Conversations conversations;
    private final ProfileSchema schema = ProfileSchema.standard();

    protected abstract Storage createStorage();

    @BeforeEach
    void setUp() {
        conversations = createStorage().conversations();
    }

    private Conversation received(Conversation conversation, String messageId, CustomerMessage message) {
        return conversation.receive(messageId, message, schema).conversation();
    }

    private Conversation startedBy(Customer customer, String id, String text) {
        return received(
                Conversation.start(new ConversationId(id), customer), "m-" + id, text(customer, "w-" + id, text));
    }

    @Test
    void savedConversation_isFoundById_withMessagesProfileAndMode() {
        var conversation = received(
                        startedBy(giulia(), "c1", "Buongiorno, è partito l'ordine?"),
                        "m-2",
                        text(giulia(), "w-2", "scrivetemi a giulia.rossi@example.it", T0.plusSeconds(60)))
                .withMode(Mode.HUMAN)
                .flagForStaff("handoff requested", T0.plusSeconds(61));

        conversations.save(conversation);

        var found = conversations.byId(conversation.id()).orElseThrow();
        assertThat(found.customer()).isEqualTo(giulia());
        assertThat(found.mode()).isEqualTo(Mode.HUMAN);
        assertThat(found.attention()).isEqualTo(conversation.attention());
        assertThat(found.messages()).isEqualTo(conversation.messages());
        assertThat(found.profile()).isEqualTo(conversation.profile());
        assertThat(found.profile().value("email").orElseThrow().source()).isEqualTo("m-2");
    }

    @Test
    void attachmentsOfMessages_areKept() {
        var document = new sportello.domain.conversation.CustomerMessage(
                sportello.ports.fake.TestMessages.ACCOUNT,
                "w-doc",
                giulia(),
                sportello.domain.conversation.MessageKind.DOCUMENT,
                "fattura.pdf",
                T0.plusSeconds(90),
                "{}",
                new sportello.domain.conversation.Attachment("998877", "application/pdf", "fattura.pdf"));
        var conversation = received(
                received(
                        startedBy(giulia(), "c1", "Ciao"),
                        "m-photo",
                        sportello.ports.fake.TestMessages.photo(
                                giulia(), "w-photo", "1203948576102938", "Ecco lo scontrino")),
                "m-doc",
                document);

        conversations.save(conversation);

        var found = conversations.byId(conversation.id()).orElseThrow().messages();
        assertThat(found).isEqualTo(conversation.messages());
        assertThat(found.get(1).attachmentValue().orElseThrow().mimeType()).isEqualTo("image/jpeg");
        assertThat(found.get(2).attachmentValue().orElseThrow().fileNameValue()).contains("fattura.pdf");
        assertThat(found.getFirst().attachmentValue()).isEmpty();
    }

    @Test
    void customerWhoseUserIdChanged_isFoundUnderTheOldOne_andThenUnderTheNewOne() {
        var chiara = Customer.of("IT.2468013579246801", null, "Chiara");
        conversations.save(startedBy(chiara, "c1", "Ciao"));
        var notice = Customer.withChangedUserId("IT.1357924680135792", "IT.2468013579246801", null, null);

        var found = conversations.byCustomer(notice).orElseThrow();
        conversations.save(received(
                found,
                "m-sys",
                new CustomerMessage(
                        sportello.ports.fake.TestMessages.ACCOUNT,
                        "w-sys",
                        notice,
                        sportello.domain.conversation.MessageKind.SYSTEM,
                        "customer's user id changed",
                        T0.plusSeconds(5),
                        "{}")));

        assertThat(found.id().value()).isEqualTo("c1");
        assertThat(conversations.byCustomer(Customer.of("IT.1357924680135792", null, null)))
                .hasValueSatisfying(c -> assertThat(c.id().value()).isEqualTo("c1"));
    }

    @Test
    void windowClosedByTheChannel_isKept() {
        var closedAt = T0.plusSeconds(3600);
        conversations.save(startedBy(giulia(), "c1", "Ciao").windowClosedByChannel(closedAt));

        var found = conversations.byId(new ConversationId("c1")).orElseThrow();

        assertThat(found.windowClosedAtValue()).contains(closedAt);
        assertThat(found.serviceWindow().orElseThrow().isOpenAt(closedAt)).isFalse();
        var later = closedAt.plusSeconds(60);
        var summary =
                conversations.summaries(ConversationQuery.page(later, 10, 0)).getFirst();
        assertThat(summary.serviceWindow().orElseThrow().isOpenAt(later)).isFalse();
        assertThat(conversations.summaries(new ConversationQuery(null, false, null, null, true, later, 10, 0)))
                .isEmpty();
        assertThat(conversations.summaries(new ConversationQuery(null, false, null, null, false, later, 10, 0)))
                .hasSize(1);
    }

    @Test
    void conversationOfAMessage_isFoundByOurIdOrTheChannelsId() {
        conversations.save(startedBy(giulia(), "c1", "Ciao"));
        conversations.save(startedBy(marco(), "c2", "Buongiorno"));

        assertThat(conversations.ofMessage("m-c2")).contains(new ConversationId("c2"));
        assertThat(conversations.ofMessage("w-c1")).contains(new ConversationId("c1"));
        assertThat(conversations.ofMessage("nope")).isEmpty();
    }

    @Test
    void unknownId_isEmpty() {
        assertThat(conversations.byId(new ConversationId("nope"))).isEmpty();
    }

    @Test
    void savingTwice_doesNotDuplicateMessages() {
        var conversation = startedBy(giulia(), "c1", "Ciao");

        conversations.save(conversation);
        conversations.save(conversation);

        assertThat(conversations.byId(conversation.id()).orElseThrow().messages())
                .hasSize(1);
    }

    @Test
    void customer_isFoundByUserId_evenAfterChangingNumber() {
        conversations.save(startedBy(giulia(), "c1", "Ciao"));

        var sameUserNewPhone = Customer.of("IT.1234567890123456", "393339876543", null);

        assertThat(conversations.byCustomer(sameUserNewPhone))
                .map(Conversation::id)
                .contains(new ConversationId("c1"));
    }

    @Test
    void customerKnownOnlyByPhone_isFoundWhenTheUserIdArrives() {
        var legacy = Customer.of(null, "393387654321", "Marco");
        conversations.save(startedBy(legacy, "c1", "Ciao"));

        assertThat(conversations.byCustomer(marco())).map(Conversation::id).contains(new ConversationId("c1"));
    }

    @Test
    void usernameCustomerWithoutPhone_isFoundByUserId() {
        conversations.save(startedBy(chiara(), "c1", "C'è la torta?"));

        assertThat(conversations.byCustomer(chiara())).isPresent();
        assertThat(conversations.byCustomer(marco())).isEmpty();
    }

    @Test
    void customerAttributes_updateOnSave() {
        var conversation = startedBy(Customer.of("IT.1", null, null), "c1", "Ciao");
        conversations.save(conversation);

        var updated = received(conversation, "m-2", text(Customer.of("IT.1", "393330000000", "Anna"), "w-2", "eccomi"));
        conversations.save(updated);

        var customer = conversations.byId(conversation.id()).orElseThrow().customer();
        assertThat(customer.phone()).isEqualTo("393330000000");
        assertThat(customer.displayName()).isEqualTo("Anna");
    }

    @Test
    void summaries_listMostRecentFirst_withLastMessageAndCompleteness() {
        conversations.save(startedBy(giulia(), "c1", "prima"));
        var later = received(
                Conversation.start(new ConversationId("c2"), marco()),
                "m-x",
                text(
                        marco(),
                        "w-x",
                        "Sono Marco Bianchi, marco@example.com, ordine n. 58213",
                        T0.plus(Duration.ofMinutes(5))));
        conversations.save(later);

        var list = conversations.summaries(ConversationQuery.page(NOW, 10, 0));

        assertThat(list)
                .extracting(ConversationSummary::id)
                .containsExactly(new ConversationId("c2"), new ConversationId("c1"));
        assertThat(list.getFirst().lastMessage()).contains("58213");
        assertThat(list.getFirst().lastMessageAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(list.getFirst().profileComplete()).isTrue();
        assertThat(list.get(1).profileComplete()).isFalse();
        assertThat(conversations.summaries(ConversationQuery.page(NOW, 1, 1)))
                .extracting(ConversationSummary::id)
                .containsExactly(new ConversationId("c1"));
    }

    @Test
    void receptionOfStoredConversation_recognisesARedelivery() {
        conversations.save(startedBy(giulia(), "c1", "Ciao"));
        var stored = conversations.byId(new ConversationId("c1")).orElseThrow();

        var again = stored.receive("m-other", text(giulia(), "w-c1", "Ciao"), schema);

        assertThat(again).isInstanceOf(Reception.AlreadySeen.class);
    }

    private void threeConversations() {
        conversations.save(startedBy(giulia(), "c1", "Sono Giulia Rossi, giulia.rossi@example.it, ordine n. 58213"));
        conversations.save(received(
                        Conversation.start(new ConversationId("c2"), marco()),
                        "m-m",
                        text(marco(), "w-m", "Buongiorno", T0.plus(Duration.ofMinutes(1))))
                .withMode(Mode.HUMAN)
                .flagForStaff("Handoff requested: reso", T0.plus(Duration.ofMinutes(2))));
        conversations.save(received(
                Conversation.start(new ConversationId("c3"), chiara()),
                "m-c",
                text(chiara(), "w-c", "C'è la torta?", T0.minus(Duration.ofDays(2)))));
    }

    private java.util.List<String> ids(ConversationQuery query) {
        return conversations.summaries(query).stream().map(s -> s.id().value()).toList();
    }

    @Test
    void search_findsByNamePhoneUserIdEmailAndOrderNumber() {
        threeConversations();

        assertThat(ids(new ConversationQuery("rossi", false, null, null, null, NOW, 10, 0)))
                .containsExactly("c1");
        assertThat(ids(new ConversationQuery("3387654", false, null, null, null, NOW, 10, 0)))
                .containsExactly("c2");
        assertThat(ids(new ConversationQuery("IT.2468", false, null, null, null, NOW, 10, 0)))
                .containsExactly("c3");
        assertThat(ids(new ConversationQuery("GIULIA.ROSSI@", false, null, null, null, NOW, 10, 0)))
                .containsExactly("c1");
        assertThat(ids(new ConversationQuery("58213", false, null, null, null, NOW, 10, 0)))
                .containsExactly("c1");
        assertThat(ids(new ConversationQuery("nobody", false, null, null, null, NOW, 10, 0)))
                .isEmpty();
    }

    @Test
    void filters_attentionCompletenessModeAndWindow() {
        threeConversations();

        assertThat(ids(new ConversationQuery(null, true, null, null, null, NOW, 10, 0)))
                .containsExactly("c2");
        assertThat(ids(new ConversationQuery(null, false, true, null, null, NOW, 10, 0)))
                .containsExactly("c1");
        assertThat(ids(new ConversationQuery(null, false, false, null, null, NOW, 10, 0)))
                .containsExactly("c2", "c3");
        assertThat(ids(new ConversationQuery(null, false, null, Mode.HUMAN, null, NOW, 10, 0)))
                .containsExactly("c2");
        assertThat(ids(new ConversationQuery(null, false, null, null, true, NOW, 10, 0)))
                .containsExactly("c2", "c1");
        assertThat(ids(new ConversationQuery(null, false, null, null, false, NOW, 10, 0)))
                .containsExactly("c3");
    }

    @Test
    void count_ignoresThePage() {
        threeConversations();

        assertThat(conversations.count(ConversationQuery.page(NOW, 1, 0))).isEqualTo(3);
        assertThat(conversations.count(new ConversationQuery(null, false, false, null, null, NOW, 1, 0)))
                .isEqualTo(2);
    }

    @Test
    void summary_carriesNameWindowAttentionAndUnread() {
        threeConversations();

        var marcos = conversations.summaries(new ConversationQuery("Marco", false, null, null, null, NOW, 10, 0));

        assertThat(marcos).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Marco Bianchi");
            assertThat(s.lastInboundAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
            assertThat(s.attentionReason()).isEqualTo("Handoff requested: reso");
            assertThat(s.unread()).isEqualTo(1);
        });
        var giulias = conversations.summaries(new ConversationQuery("58213", false, null, null, null, NOW, 10, 0));
        assertThat(giulias.getFirst().name()).isEqualTo("Giulia Rossi");
    }

    @Test
    void seenByStaff_clearsUnread_untilTheCustomerWritesAgain() {
        var conversation = startedBy(giulia(), "c1", "Ciao");
        conversations.save(conversation);

        conversations.markSeenByStaff(conversation.id(), T0.plusSeconds(10));
        int afterSeen = conversations
                .summaries(ConversationQuery.page(NOW, 10, 0))
                .getFirst()
                .unread();
        conversations.save(received(conversation, "m-2", text(giulia(), "w-2", "Ci siete?", T0.plusSeconds(20))));
        int afterNewMessage = conversations
                .summaries(ConversationQuery.page(NOW, 10, 0))
                .getFirst()
                .unread();

        assertThat(afterSeen).isZero();
        assertThat(afterNewMessage).isEqualTo(1);
    }

    @Test
    void olderSeenTime_doesNotBringBackUnreadMessages() {
        var conversation = startedBy(giulia(), "c1", "Ciao");
        conversations.save(conversation);

        conversations.markSeenByStaff(conversation.id(), T0.plusSeconds(10));
        conversations.markSeenByStaff(conversation.id(), T0.minusSeconds(10));

        assertThat(conversations
                        .summaries(ConversationQuery.page(NOW, 10, 0))
                        .getFirst()
                        .unread())
                .isZero();
    }

    @Test
    void modeOf_isTheStoredMode_andEmptyForUnknownIds() {
        var conversation = startedBy(giulia(), "c1", "Ciao");
        conversations.save(conversation);
        var before = conversations.modeOf(conversation.id());
        conversations.save(conversation.withMode(Mode.HUMAN));

        assertThat(before).contains(Mode.BOT);
        assertThat(conversations.modeOf(conversation.id())).contains(Mode.HUMAN);
        assertThat(conversations.modeOf(new ConversationId("nope"))).isEmpty();
    }
}

package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.chiara;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.status;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.OutboxEntry;
import sportello.ports.out.RawDelivery;

/** What every outbox must do, together with the conversations and status reports it shares storage with. */
public abstract class OutboxContract {

    private Storage storage;
    private final ConversationId id = new ConversationId("c1");

    protected abstract Storage createStorage();

    @BeforeEach
    void setUp() {
        storage = createStorage();
        save(giulia());
    }

    private void save(Customer customer) {
        var conversation = Conversation.start(id, customer)
                .receive("m-in", text(customer, "wamid.in", "Ciao"), ProfileSchema.standard())
                .conversation();
        storage.conversations().save(conversation);
    }

    private Message outbound() {
        return storage.conversations().byId(id).orElseThrow().messages().stream()
                .filter(m -> m.direction() == Direction.OUT)
                .findFirst()
                .orElseThrow();
    }

    private void report(sportello.domain.conversation.StatusReport... reports) {
        storage.inbox()
                .store(
                        new RawDelivery("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), T0),
                        List.of(),
                        List.of(reports));
    }

    @Test
    void enqueuedReply_appearsInTheConversationAsPending() {
        storage.outbox().enqueue(id, Author.BOT, "Buongiorno! Come posso aiutarla?", "m-in", T0.plusSeconds(1));

        var message = outbound();
        assertThat(message.author()).isEqualTo(Author.BOT);
        assertThat(message.text()).isEqualTo("Buongiorno! Come posso aiutarla?");
        assertThat(message.delivery().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(storage.outbox().unsentCount()).isEqualTo(1);
    }

    @Test
    void sentMessage_leadsBackToItsConversation_byOurIdAndByTheChannelsId() {
        var entry = storage.outbox().enqueue(id, Author.BOT, "Ecco", "m-in", T0.plusSeconds(1));
        assertThat(storage.conversations().ofMessage(entry.id())).contains(id);

        storage.outbox().claimDue(T0.plusSeconds(2), 10);
        storage.outbox().accepted(entry.id(), "wamid.out-1");

        assertThat(storage.conversations().ofMessage("wamid.out-1")).contains(id);
    }

    @Test
    void template_isShownWithItsText_andClaimedWithTheTemplate() {
        var template = new sportello.domain.conversation.TemplateMessage(
                "aggiornamento_ordine", "it", java.util.List.of("Giulia", "58213"));

        storage.outbox()
                .enqueueTemplate(id, Author.STAFF, template, "Ciao Giulia, il tuo ordine 58213 è in viaggio.", T0);

        var message = outbound();
        assertThat(message.kind()).isEqualTo(sportello.domain.conversation.MessageKind.TEMPLATE);
        assertThat(message.text()).isEqualTo("Ciao Giulia, il tuo ordine 58213 è in viaggio.");
        assertThat(message.delivery().state()).isEqualTo(DeliveryState.PENDING);
        var claimed = storage.outbox().claimDue(T0, 10);
        assertThat(claimed).singleElement().satisfies(e -> {
            assertThat(e.templateValue()).contains(template);
            assertThat(e.recipient()).isEqualTo(giulia());
        });
    }

    @Test
    void whileOneMessageOfAConversationIsBeingSent_itsNextOneIsNotClaimed() {
        var first = storage.outbox().enqueue(id, Author.STAFF, "uno", null, T0);
        var second = storage.outbox().enqueue(id, Author.STAFF, "due", null, T0.plusMillis(1));

        assertThat(storage.outbox().claimDue(T0.plusSeconds(1), 1))
                .extracting(e -> e.id())
                .containsExactly(first.id());
        assertThat(storage.outbox().claimDue(T0.plusSeconds(1), 10)).isEmpty();

        storage.outbox().accepted(first.id(), "wamid.uno");
        assertThat(storage.outbox().claimDue(T0.plusSeconds(1), 10))
                .extracting(e -> e.id())
                .containsExactly(second.id());
    }

    @Test
    void templateWithHeaderAndButtons_isClaimedWithAllItsValues() {
        var template = new sportello.domain.conversation.TemplateMessage(
                "traccia_spedizione",
                "it",
                java.util.List.of("Giulia"),
                new sportello.domain.conversation.TemplateHeader(
                        sportello.domain.conversation.TemplateHeader.Format.IMAGE, "https://files.example.it/p.jpg"),
                java.util.List.of(
                        new sportello.domain.conversation.TemplateButton(
                                0, sportello.domain.conversation.TemplateButton.Kind.QUICK_REPLY, "OK \"58213\""),
                        new sportello.domain.conversation.TemplateButton(
                                1, sportello.domain.conversation.TemplateButton.Kind.URL, "58213/è")));

        storage.outbox().enqueueTemplate(id, Author.STAFF, template, "Ciao Giulia, il tuo pacco è partito.", T0);

        assertThat(storage.outbox().claimDue(T0, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.templateValue()).contains(template));
    }

    @Test
    void messageSentOutsideSportello_isShownAsSent_neverSent_andRecordedOnce() {
        boolean first = storage.outbox().recordSent(id, Author.STAFF, "Ci penso io!", "wamid.echo", T0);
        boolean again = storage.outbox().recordSent(id, Author.STAFF, "Ci penso io!", "wamid.echo", T0);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        var message = outbound();
        assertThat(message.author()).isEqualTo(Author.STAFF);
        assertThat(message.text()).isEqualTo("Ci penso io!");
        assertThat(message.channelMessageId()).isEqualTo("wamid.echo");
        assertThat(message.delivery().state()).isEqualTo(DeliveryState.SENT);
        assertThat(storage.outbox().claimDue(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(storage.outbox().unsentCount()).isZero();
    }

    @Test
    void plainText_isClaimedWithoutTemplate() {
        storage.outbox().enqueue(id, Author.STAFF, "uno", null, T0);

        assertThat(storage.outbox().claimDue(T0, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.templateValue()).isEmpty());
    }

    @Test
    void replyToTheSameMessage_isQueuedOnce() {
        var first = storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);
        var second = storage.outbox().enqueue(id, Author.BOT, "due", "m-in", T0);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(storage.outbox().hasReplyTo("m-in")).isTrue();
        assertThat(storage.outbox().hasReplyTo("m-other")).isFalse();
        assertThat(storage.outbox().claimDue(T0, 10)).hasSize(1);
    }

    @Test
    void staffMessagesWithoutReplyTo_areAllQueued() {
        storage.outbox().enqueue(id, Author.STAFF, "uno", null, T0);
        storage.outbox().enqueue(id, Author.STAFF, "due", null, T0.plusMillis(1));

        assertThat(storage.outbox().claimDue(T0.plusSeconds(1), 10))
                .extracting(OutboxEntry::text)
                .containsExactly("uno", "due");
    }

    @Test
    void claimedEntry_isNotClaimedTwice_andCarriesTheRecipient() {
        storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);

        var claimed = storage.outbox().claimDue(T0, 10);

        assertThat(claimed).singleElement().satisfies(e -> {
            assertThat(e.recipient()).isEqualTo(giulia());
            assertThat(e.conversation()).isEqualTo(id);
            assertThat(e.attempts()).isZero();
        });
        assertThat(storage.outbox().claimDue(T0, 10)).isEmpty();
        assertThat(storage.outbox().interruptedSends()).hasSize(1);
    }

    @Test
    void usernameRecipient_hasNoPhone() {
        storage = createStorage();
        save(chiara());
        storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);

        assertThat(storage.outbox().claimDue(T0, 1).getFirst().recipient()).isEqualTo(chiara());
    }

    @Test
    void retry_isNotDueBeforeItsTime() {
        var entry = storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);
        storage.outbox().claimDue(T0, 10);

        storage.outbox().retryAt(entry.id(), T0.plusSeconds(30), "500");

        assertThat(storage.outbox().claimDue(T0.plusSeconds(29), 10)).isEmpty();
        assertThat(storage.outbox().claimDue(T0.plusSeconds(30), 10))
                .singleElement()
                .extracting(OutboxEntry::attempts)
                .isEqualTo(1);
    }

    @Test
    void acceptedEntry_isSent_andNeverClaimedAgain() {
        var entry = storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);
        storage.outbox().claimDue(T0, 10);

        storage.outbox().accepted(entry.id(), "wamid.out");

        assertThat(outbound().channelMessageId()).isEqualTo("wamid.out");
        assertThat(outbound().delivery().state()).isEqualTo(DeliveryState.SENT);
        assertThat(storage.outbox().claimDue(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(storage.outbox().interruptedSends()).isEmpty();
        assertThat(storage.outbox().unsentCount()).isZero();
    }

    @Test
    void statusesArrivingBeforeTheSendIsRecorded_applyAfterwards_inAnyOrder() {
        var entry = storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);
        storage.outbox().claimDue(T0, 10);
        report(status("wamid.out", DeliveryState.READ, null), status("wamid.out", DeliveryState.DELIVERED, null));

        storage.outbox().accepted(entry.id(), "wamid.out");
        report(status("wamid.out", DeliveryState.SENT, null));

        assertThat(outbound().delivery().state()).isEqualTo(DeliveryState.READ);
    }

    @Test
    void repeatedStatus_isHarmless() {
        var entry = storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);
        storage.outbox().claimDue(T0, 10);
        storage.outbox().accepted(entry.id(), "wamid.out");

        report(status("wamid.out", DeliveryState.DELIVERED, null));
        report(status("wamid.out", DeliveryState.DELIVERED, null));

        assertThat(outbound().delivery().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void failedStatus_showsTheReason() {
        var entry = storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);
        storage.outbox().claimDue(T0, 10);
        storage.outbox().accepted(entry.id(), "wamid.out");

        report(status("wamid.out", DeliveryState.FAILED, null));

        assertThat(outbound().delivery().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outbound().delivery().failureReason()).contains("131026");
    }

    @Test
    void failedEntry_isShownWithItsReason() {
        var entry = storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);
        storage.outbox().claimDue(T0, 10);

        storage.outbox().failed(entry.id(), "outside the 24-hour window");

        assertThat(outbound().delivery().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outbound().delivery().failureReason()).isEqualTo("outside the 24-hour window");
        assertThat(storage.outbox().claimDue(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void inDoubtEntry_isFoundThroughTheCorrelationOfAStatusReport() {
        var entry = storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);
        storage.outbox().claimDue(T0, 10);
        storage.outbox().inDoubt(entry.id(), T0.plusSeconds(300), "read timeout");

        report(status("wamid.out", DeliveryState.SENT, entry.id()));

        assertThat(storage.outbox().channelIdFromStatusReports(entry.id())).contains("wamid.out");
        assertThat(outbound().delivery().state()).isEqualTo(DeliveryState.SENT);
        assertThat(storage.outbox().claimDue(T0.plusSeconds(299), 10)).isEmpty();
        assertThat(storage.outbox().claimDue(T0.plusSeconds(300), 10)).hasSize(1);
    }

    @Test
    void withoutAReport_noChannelIdIsKnown() {
        var entry = storage.outbox().enqueue(id, Author.BOT, "uno", "m-in", T0);

        assertThat(storage.outbox().channelIdFromStatusReports(entry.id())).isEmpty();
    }
}

package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.marco;
import static sportello.ports.fake.TestMessages.text;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.CustomerMessage;
import sportello.domain.customer.Customer;
import sportello.ports.out.Inbox;
import sportello.ports.out.InboxEntry;
import sportello.ports.out.RawDelivery;

/** What every {@link Inbox} must do; run against the fake and the real storage. */
public abstract class InboxContract {

    private Inbox inbox;

    protected abstract Storage createStorage();

    @BeforeEach
    void setUp() {
        inbox = createStorage().inbox();
    }

    private static RawDelivery raw() {
        return new RawDelivery(
                "whatsapp", "{}".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void storedMessage_isPending() {
        var message = text(giulia(), "wamid.1", "Ciao è già partito? 😊");

        int fresh = inbox.store(raw(), List.of(message), List.of());

        assertThat(fresh).isEqualTo(1);
        assertThat(inbox.pending(10)).extracting(InboxEntry::message).containsExactly(message);
    }

    @Test
    void attachment_comesBackWithThePendingMessage() {
        var photo = sportello.ports.fake.TestMessages.photo(giulia(), "wamid.p", "1203948576102938", "Ecco");

        inbox.store(raw(), List.of(photo), List.of());

        assertThat(inbox.pending(10).getFirst().message()).isEqualTo(photo);
    }

    @Test
    void messageAboutAnother_keepsWhichOneItIsAbout() {
        var edit = new CustomerMessage(
                sportello.ports.fake.TestMessages.ACCOUNT,
                "wamid.edit",
                giulia(),
                sportello.domain.conversation.MessageKind.EDIT,
                "la mia mail è giulia.rossi@example.it",
                sportello.ports.fake.TestMessages.T0,
                "{}",
                null,
                "wamid.original");

        inbox.store(raw(), List.of(edit), List.of());

        assertThat(inbox.pending(10).getFirst().message().refersToValue()).contains("wamid.original");
    }

    @Test
    void sameMessageDeliveredThreeTimes_isStoredOnce() {
        var message = text(giulia(), "wamid.1", "Ciao");

        inbox.store(raw(), List.of(message), List.of());
        int second = inbox.store(raw(), List.of(message), List.of());
        int third = inbox.store(raw(), List.of(message, message), List.of());

        assertThat(second).isZero();
        assertThat(third).isZero();
        assertThat(inbox.pending(10)).hasSize(1);
    }

    @Test
    void sameMessageIdOnAnotherBusinessNumber_isADifferentMessage() {
        var one = text(giulia(), "wamid.1", "Ciao");
        var other = new CustomerMessage("999", "wamid.1", giulia(), one.kind(), one.text(), one.sentAt(), one.raw());

        inbox.store(raw(), List.of(one, other), List.of());

        assertThat(inbox.pending(10)).hasSize(2);
    }

    @Test
    void pending_isOldestFirst_andLimited() {
        inbox.store(raw(), List.of(text(giulia(), "wamid.1", "uno")), List.of());
        inbox.store(raw(), List.of(text(marco(), "wamid.2", "due")), List.of());
        inbox.store(raw(), List.of(text(giulia(), "wamid.3", "tre")), List.of());

        assertThat(inbox.pending(2)).extracting(e -> e.message().text()).containsExactly("uno", "due");
    }

    @Test
    void doneAndFailedMessages_areNoLongerPending() {
        inbox.store(raw(), List.of(text(giulia(), "wamid.1", "uno"), text(giulia(), "wamid.2", "due")), List.of());
        var entries = inbox.pending(10);

        inbox.markDone(entries.get(0).id());
        inbox.markFailed(entries.get(1).id(), "boom");

        assertThat(inbox.pending(10)).isEmpty();
        assertThat(inbox.pendingCount()).isZero();
    }

    @Test
    void doneMessage_redeliveredLater_isNotPendingAgain() {
        var message = text(giulia(), "wamid.1", "uno");
        inbox.store(raw(), List.of(message), List.of());
        inbox.markDone(inbox.pending(1).getFirst().id());

        int fresh = inbox.store(raw(), List.of(message), List.of());

        assertThat(fresh).isZero();
        assertThat(inbox.pending(10)).isEmpty();
    }

    @Test
    void unreadableDelivery_isKeptButCreatesNoWork() {
        inbox.storeUnreadable(raw(), "not JSON");

        assertThat(inbox.pending(10)).isEmpty();
    }

    @Test
    void everyFieldOfAMessage_survivesStorage() {
        var message = new CustomerMessage(
                "106540352242922",
                "wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgUMDAyQjZFMTI1QkNCQjdDNjVBOTEA",
                Customer.of("IT.2468013579246801", null, "Chiara"),
                sportello.domain.conversation.MessageKind.IMAGE,
                "La torta 🎂",
                Instant.parse("2026-11-25T10:15:30Z"),
                "{\"type\":\"image\"}");

        inbox.store(raw(), List.of(message), List.of());

        assertThat(inbox.pending(1).getFirst().message()).isEqualTo(message);
    }
}

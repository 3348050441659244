package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import sportello.domain.customer.Customer;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Channel;
import sportello.ports.out.Channel.SendResult;

/** What every {@link Channel} must do; subclasses arrange the channel's answer before each send. */
public abstract class ChannelContract {

    protected abstract Channel channel();

    /** The next send will be accepted. */
    protected abstract void arrangeAccepted();

    /** The next send fails in a way the channel provably did not take the message (e.g. a 5xx). */
    protected abstract void arrangeTemporaryFailure();

    /** The next send is refused for good (e.g. an invalid recipient). */
    protected abstract void arrangePermanentRefusal();

    @Test
    void acceptedSend_returnsTheChannelsMessageId() {
        arrangeAccepted();

        var result = channel().send(TestMessages.giulia(), "Buongiorno! 😊 Il suo ordine è partito.", "entry-1");

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Accepted.class,
                        a -> assertThat(a.channelMessageId()).isNotBlank());
    }

    @Test
    void customerWithoutPhone_canBeAnswered() {
        arrangeAccepted();

        var result = channel().send(TestMessages.chiara(), "Sì, c'è ancora!", "entry-2");

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
    }

    @Test
    void approvedTemplate_canBeSent() {
        arrangeAccepted();

        var result = channel()
                .sendTemplate(
                        TestMessages.giulia(),
                        new sportello.domain.conversation.TemplateMessage(
                                "aggiornamento_ordine", "it", java.util.List.of("Giulia", "58213")),
                        "entry-t");

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
    }

    @Test
    void temporaryFailure_isRetryable() {
        arrangeTemporaryFailure();

        var result = channel().send(TestMessages.giulia(), "Ciao", "entry-3");

        assertThat(result).isInstanceOf(SendResult.RetryLater.class);
    }

    @Test
    void permanentRefusal_carriesAReason() {
        arrangePermanentRefusal();

        var result = channel().send(Customer.of(null, "393330000000", null), "Ciao", "entry-4");

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Refused.class, r -> assertThat(r.reason()).isNotBlank());
    }

    @Test
    void markRead_neverThrows_evenWhenTheChannelFails() {
        arrangeTemporaryFailure();

        assertThatCode(() -> channel().markRead(TestMessages.ACCOUNT, "wamid.1"))
                .doesNotThrowAnyException();
    }
}

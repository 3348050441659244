package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;

import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.customer.Customer;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.RecordingAgentTools;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.ReplyAgent;
import sportello.ports.out.ReplyAgent.Answer;

/** What every {@link ReplyAgent} must do; subclasses arrange what the agent's backend answers. */
public abstract class ReplyAgentContract {

    protected abstract ReplyAgent agent();

    /** The backend will answer the next turn with this text. */
    protected abstract void arrangeReply(String text);

    /** The backend cannot answer (e.g. it is down or the key was rejected). */
    protected abstract void arrangeOutage();

    private static Conversation conversationWith(Customer customer, String text) {
        return Conversation.start(new ConversationId("c1"), customer)
                .receive("m1", TestMessages.text(customer, "wamid.1", text), ProfileSchema.standard())
                .conversation();
    }

    @Test
    void customerQuestion_getsTheBackendsReply() {
        arrangeReply("Sabato chiudiamo alle 19:00.");

        var answer = agent().answer(
                        conversationWith(TestMessages.giulia(), "Sabato a che ora chiudete?"),
                        ProfileSchema.standard(),
                        T0,
                        new RecordingAgentTools());

        assertThat(answer)
                .isInstanceOfSatisfying(
                        Answer.Reply.class, r -> assertThat(r.text()).isEqualTo("Sabato chiudiamo alle 19:00."));
    }

    @Test
    void usernameCustomer_isAnsweredToo() {
        arrangeReply("Sì!");

        var answer = agent().answer(
                        conversationWith(TestMessages.chiara(), "C'è la torta al pistacchio?"),
                        ProfileSchema.standard(),
                        T0,
                        new RecordingAgentTools());

        assertThat(answer).isInstanceOf(Answer.Reply.class);
    }

    @Test
    void outage_isReportedAsUnavailable_notThrown() {
        arrangeOutage();

        var answer = agent().answer(
                        conversationWith(TestMessages.giulia(), "Ciao"),
                        ProfileSchema.standard(),
                        T0,
                        new RecordingAgentTools());

        assertThat(answer)
                .isInstanceOfSatisfying(
                        Answer.Unavailable.class, u -> assertThat(u.reason()).isNotBlank());
    }
}

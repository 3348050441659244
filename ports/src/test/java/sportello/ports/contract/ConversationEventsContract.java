package sportello.ports.contract;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.ConversationEvents;

/** What every {@link ConversationEvents} must do: accept changes with or without watchers, never failing the work. */
public abstract class ConversationEventsContract {

    protected abstract ConversationEvents events();

    @Test
    void changesWithoutWatchers_areAccepted() {
        assertThatCode(() -> {
                    events().changed(new ConversationId("c1"));
                    events().statusesArrived();
                })
                .doesNotThrowAnyException();
    }

    @Test
    void manyChangesInARow_areAccepted() {
        assertThatCode(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        events().changed(new ConversationId("c" + (i % 7)));
                    }
                })
                .doesNotThrowAnyException();
    }
}

package sportello.ports.fake;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import sportello.domain.conversation.Conversation;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.AgentTools;
import sportello.ports.out.ReplyAgent;

/** An agent that answers from a script, or echoes the last customer message; it records every turn it saw. */
public final class ScriptedReplyAgent implements ReplyAgent {

    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Conversation> turns = new ArrayList<>();
    private final Function<Conversation, Answer> otherwise;

    public ScriptedReplyAgent() {
        this(c -> new Answer.Reply("Echo: " + c.lastMessage().map(m -> m.text()).orElse("")));
    }

    public ScriptedReplyAgent(Function<Conversation, Answer> otherwise) {
        this.otherwise = otherwise;
    }

    public synchronized ScriptedReplyAgent thenAnswer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    @Override
    public synchronized Answer answer(Conversation conversation, ProfileSchema schema, Instant now, AgentTools tools) {
        turns.add(conversation);
        var next = script.poll();
        return next != null ? next : otherwise.apply(conversation);
    }

    public synchronized List<Conversation> turns() {
        return List.copyOf(turns);
    }
}

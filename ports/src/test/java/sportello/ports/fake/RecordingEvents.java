package sportello.ports.fake;

import java.util.ArrayList;
import java.util.List;
import sportello.domain.conversation.ConversationId;
import sportello.ports.out.ConversationEvents;

/** Records which conversations were reported as changed. */
public final class RecordingEvents implements ConversationEvents {

    private final List<ConversationId> changed = new ArrayList<>();
    private int statusBatches;

    @Override
    public synchronized void changed(ConversationId conversation) {
        changed.add(conversation);
    }

    @Override
    public synchronized void statusesArrived() {
        statusBatches++;
    }

    public synchronized List<ConversationId> changed() {
        return List.copyOf(changed);
    }

    public synchronized int statusBatches() {
        return statusBatches;
    }
}

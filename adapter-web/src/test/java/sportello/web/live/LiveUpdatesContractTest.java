package sportello.web.live;

import sportello.ports.contract.ConversationEventsContract;
import sportello.ports.out.ConversationEvents;

/** The dashboard's live updates keep the promises of every change-event sink. */
class LiveUpdatesContractTest extends ConversationEventsContract {

    private final LiveUpdates live = new LiveUpdates();

    @Override
    protected ConversationEvents events() {
        return live;
    }
}

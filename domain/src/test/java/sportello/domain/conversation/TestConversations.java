package sportello.domain.conversation;

import sportello.domain.profile.ProfileSchema;

/** Conversations in a known state, for tests. */
final class TestConversations {

    static final String GIULIA = "393331234567";

    private TestConversations() {}

    static Conversation newWith(String phone) {
        return Conversation.start(new ConversationId("c-" + phone), TestMessages.customer(phone));
    }

    static Conversation takenOverByStaff(String phone) {
        return newWith(phone).withMode(Mode.HUMAN);
    }

    /** A conversation after the customer wrote {@code texts}, one minute apart from Monday at 9. */
    static Conversation after(String phone, String... texts) {
        var conversation = newWith(phone);
        for (int i = 0; i < texts.length; i++) {
            var message = TestMessages.textFrom(phone, texts[i], TestMessages.MONDAY_9AM.plusSeconds(60L * i));
            conversation = conversation
                    .receive("m" + (i + 1), message, ProfileSchema.standard())
                    .conversation();
        }
        return conversation;
    }
}

package sportello.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.fake.InMemoryStorage;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.RecordingEvents;
import sportello.ports.fake.TestMessages;
import sportello.ports.in.EditProfile.Outcome;
import sportello.ports.in.UnknownConversation;

class EditingProfileTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final RecordingEvents events = new RecordingEvents();
    private final EditingProfile editing =
            new EditingProfile(storage, ProfileSchema.standard(), new ManualClock(TestMessages.T0), events);
    private final ConversationId id = new ConversationId("c1");

    @BeforeEach
    void conversation() {
        storage.save(Conversation.start(id, giulia())
                .receive("m1", text(giulia(), "w1", "sono Giulia Rossi, giulia@example.it"), ProfileSchema.standard())
                .conversation());
    }

    @Test
    void validEdit_isStoredWithStaffAsSource() {
        var outcome = editing.edit(id, Map.of("phone", "347 123 4567", "orderNumber", "cb-20417"));

        assertThat(outcome).isInstanceOf(Outcome.Saved.class);
        var profile = storage.byId(id).orElseThrow().profile();
        assertThat(profile.value("phone").orElseThrow().value()).isEqualTo("+393471234567");
        assertThat(profile.value("phone").orElseThrow().source()).isEqualTo(EditingProfile.STAFF_SOURCE);
        assertThat(profile.value("orderNumber").orElseThrow().value()).isEqualTo("CB-20417");
        assertThat(events.changed()).containsExactly(id);
    }

    @Test
    void invalidEmail_isRefusedPerField_andNothingChanges() {
        var outcome = editing.edit(id, Map.of("email", "not-an-email", "phone", "347 123 4567"));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Invalid.class,
                        invalid -> assertThat(invalid.errors()).containsOnlyKeys("email"));
        var profile = storage.byId(id).orElseThrow().profile();
        assertThat(profile.value("email").orElseThrow().value()).isEqualTo("giulia@example.it");
        assertThat(profile.value("phone")).isEmpty();
    }

    @Test
    void blankValue_clearsTheField() {
        var fields = new HashMap<String, String>();
        fields.put("email", "");

        editing.edit(id, fields);

        assertThat(storage.byId(id).orElseThrow().profile().value("email")).isEmpty();
    }

    @Test
    void unknownField_isAnError() {
        var outcome = editing.edit(id, Map.of("shoeSize", "42"));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Invalid.class,
                        invalid -> assertThat(invalid.errors()).containsKey("shoeSize"));
    }

    @Test
    void unknownConversation_isReported() {
        assertThatThrownBy(() -> editing.edit(new ConversationId("nope"), Map.of()))
                .isInstanceOf(UnknownConversation.class);
    }
}

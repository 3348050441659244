package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static sportello.ports.fake.TestMessages.T0;
import static sportello.ports.fake.TestMessages.giulia;
import static sportello.ports.fake.TestMessages.text;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;
import sportello.domain.profile.FieldDefinition;
import sportello.domain.profile.FieldType;
import sportello.domain.profile.ProfileSchema;
import sportello.ports.out.ConversationQuery;

/** The list's "profile complete" follows the schema the app starts with, also for conversations saved before. */
class ProfileCompletenessTest {

    @TempDir
    Path dir;

    private boolean listedAsComplete(ProfileSchema schema) {
        var database = SqliteDatabase.migrated(dir.resolve("sportello.db"));
        return new SqliteConversations(database, schema)
                .summaries(ConversationQuery.page(T0, 10, 0))
                .getFirst()
                .profileComplete();
    }

    @Test
    void newRequiredField_makesStoredProfilesIncomplete_andDroppingItMakesThemCompleteAgain() {
        var standard = ProfileSchema.standard();
        var database = SqliteDatabase.migrated(dir.resolve("sportello.db"));
        new SqliteConversations(database, standard)
                .save(Conversation.start(new ConversationId("c1"), giulia())
                        .receive(
                                "m-1",
                                text(giulia(), "w-1", "Sono Giulia Rossi, giulia.rossi@example.it, ordine n. 58213"),
                                standard)
                        .conversation());
        var withFiscalCode = standard.with(FieldDefinition.of("fiscalCode", FieldType.TEXT, true));

        boolean before = listedAsComplete(standard);
        boolean withNewField = listedAsComplete(withFiscalCode);
        boolean afterDroppingIt = listedAsComplete(standard);

        assertThat(before).isTrue();
        assertThat(withNewField).isFalse();
        assertThat(afterDroppingIt).isTrue();
    }
}

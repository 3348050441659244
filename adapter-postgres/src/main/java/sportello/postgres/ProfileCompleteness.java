package sportello.postgres;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import sportello.domain.profile.FieldDefinition;
import sportello.domain.profile.ProfileSchema;

/**
 * Keeps {@code conversation.profile_complete} true to the schema in use. Saves write it with the schema they
 * were given; when the app starts with other required fields (a new field, a field no longer required), every
 * row is recomputed once from {@code profile_value}, in one statement.
 */
final class ProfileCompleteness {

    private ProfileCompleteness() {}

    static void reconcile(Handle handle, ProfileSchema schema) {
        // instances starting together with the same schema: the second finds the work done
        PostgresDatabase.lock(handle, Locks.PROFILE_SCHEMA, "reconcile");
        List<String> required = schema.fields().stream()
                .filter(FieldDefinition::required)
                .map(FieldDefinition::name)
                .sorted()
                .toList();
        String signature = String.join(",", required);
        Optional<String> computedWith = handle.createQuery(
                        "SELECT required_fields FROM profile_requirement WHERE id = 1")
                .mapTo(String.class)
                .findOne();
        if (computedWith.equals(Optional.of(signature))) {
            return;
        }
        if (required.isEmpty()) {
            handle.execute("UPDATE conversation SET profile_complete = 1");
        } else {
            handle.createUpdate(
                            "UPDATE conversation SET profile_complete = ((SELECT count(*) FROM profile_value p"
                                    + " WHERE p.conversation_id = conversation.id AND p.field IN (<fields>)) = :required)::integer")
                    .bindList("fields", required)
                    .bind("required", required.size())
                    .execute();
        }
        handle.createUpdate("INSERT INTO profile_requirement (id, required_fields) VALUES (1, :signature)"
                        + " ON CONFLICT (id) DO UPDATE SET required_fields = excluded.required_fields")
                .bind("signature", signature)
                .execute();
    }
}

package sportello.domain.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the business knows about a customer, field by field, each value with its provenance. */
public record CustomerProfile(Map<String, ProfileValue> values) {

    public static final CustomerProfile EMPTY = new CustomerProfile(Map.of());

    public CustomerProfile {
        values = Map.copyOf(values);
    }

    public Optional<ProfileValue> value(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** Every required field has a value. */
    public boolean isComplete(ProfileSchema schema) {
        return missing(schema).isEmpty();
    }

    /** Required fields without a value, in schema order. */
    public List<String> missing(ProfileSchema schema) {
        return schema.fields().stream()
                .filter(FieldDefinition::required)
                .map(FieldDefinition::name)
                .filter(name -> !values.containsKey(name))
                .toList();
    }

    /** A value is stored only if the field exists and the value passes the field's rules. */
    public Offer offer(ProfileSchema schema, String field, String raw, String source, Instant at) {
        var definition = schema.field(field);
        if (definition.isEmpty()) {
            return new Offer(this, new FieldUpdate.Rejected(field, raw, "unknown profile field '" + field + "'"));
        }
        return switch (FieldRules.check(definition.get(), raw)) {
            case FieldCheck.Invalid(var reason) -> new Offer(this, new FieldUpdate.Rejected(field, raw, reason));
            case FieldCheck.Valid(var normalized) -> {
                var current = values.get(field);
                if (current != null && current.value().equals(normalized)) {
                    yield new Offer(this, new FieldUpdate.Unchanged(field));
                }
                var stored = new ProfileValue(normalized, source, at);
                var updated = new LinkedHashMap<>(values);
                updated.put(field, stored);
                yield new Offer(new CustomerProfile(updated), new FieldUpdate.Stored(field, stored));
            }
        };
    }

    /** The profile after an offer, and what the offer did. */
    public record Offer(CustomerProfile profile, FieldUpdate update) {}
}

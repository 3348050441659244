package sportello.domain.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The fields a business collects about its customers: the built-in four plus its own. */
public record ProfileSchema(List<FieldDefinition> fields) {

    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String ORDER_NUMBER = "orderNumber";

    /** Order numbers as most small shops write them: optional letters and a dash, then 4 to 10 digits. */
    public static final Pattern DEFAULT_ORDER_NUMBER = Pattern.compile("(?:[A-Z]{1,4}-?)?\\d{4,10}");

    public ProfileSchema {
        fields = List.copyOf(fields);
        long distinct = fields.stream().map(FieldDefinition::name).distinct().count();
        if (distinct != fields.size()) {
            throw new IllegalArgumentException("profile field names must be unique");
        }
    }

    public static ProfileSchema standard() {
        return standard(DEFAULT_ORDER_NUMBER);
    }

    public static ProfileSchema standard(Pattern orderNumberPattern) {
        return new ProfileSchema(List.of(
                new FieldDefinition(NAME, "Name", FieldType.NAME, null, true),
                new FieldDefinition(EMAIL, "E-mail", FieldType.EMAIL, null, true),
                new FieldDefinition(PHONE, "Phone", FieldType.PHONE, null, false),
                new FieldDefinition(ORDER_NUMBER, "Order number", FieldType.ORDER_NUMBER, orderNumberPattern, true)));
    }

    public ProfileSchema with(FieldDefinition custom) {
        var all = new ArrayList<>(fields);
        all.removeIf(f -> f.name().equals(custom.name()));
        all.add(custom);
        return new ProfileSchema(all);
    }

    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}

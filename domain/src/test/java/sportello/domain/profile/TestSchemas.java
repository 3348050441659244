package sportello.domain.profile;

import java.util.List;
import java.util.regex.Pattern;

/** Profile schemas a business might configure, for tests. */
final class TestSchemas {

    static final String FIDELITY_CARD = "fidelityCard";
    static final String SHOE_SIZE = "shoeSize";

    private TestSchemas() {}

    static ProfileSchema standard() {
        return ProfileSchema.standard();
    }

    /** The standard fields plus a required fidelity card (FID-123456) and an optional shoe size. */
    static ProfileSchema shoeShop() {
        return ProfileSchema.standard()
                .with(new FieldDefinition(
                        FIDELITY_CARD, "Carta fedeltà", FieldType.TEXT, Pattern.compile("FID-\\d{6}"), true))
                .with(FieldDefinition.of(SHOE_SIZE, FieldType.TEXT, false));
    }

    static ProfileSchema only(FieldDefinition... fields) {
        return new ProfileSchema(List.of(fields));
    }

    static FieldDefinition field(FieldType type) {
        return FieldDefinition.of(type.name().toLowerCase(java.util.Locale.ROOT), type, false);
    }
}

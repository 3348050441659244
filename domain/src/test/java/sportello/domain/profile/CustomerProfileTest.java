package sportello.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CustomerProfileTest {

    private static final Instant AT = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant LATER = AT.plusSeconds(600);

    @Test
    void emptyProfile_missesRequiredFields_inSchemaOrder() {
        var profile = CustomerProfile.EMPTY;

        var missing = profile.missing(TestSchemas.standard());

        assertThat(missing).containsExactly(ProfileSchema.NAME, ProfileSchema.EMAIL, ProfileSchema.ORDER_NUMBER);
        assertThat(profile.isComplete(TestSchemas.standard())).isFalse();
    }

    @Test
    void customRequiredField_isMissedAfterTheBuiltInOnes() {
        var profile = stored(TestSchemas.shoeShop(), ProfileSchema.EMAIL, "giulia@example.it");

        var missing = profile.missing(TestSchemas.shoeShop());

        assertThat(missing).containsExactly(ProfileSchema.NAME, ProfileSchema.ORDER_NUMBER, TestSchemas.FIDELITY_CARD);
    }

    @Test
    void everyRequiredFieldFilled_isComplete_evenWithoutOptionalOnes() {
        var schema = TestSchemas.standard();
        var profile = CustomerProfile.EMPTY
                .offer(schema, ProfileSchema.NAME, "Giulia Rossi", "m1", AT)
                .profile()
                .offer(schema, ProfileSchema.EMAIL, "giulia@example.it", "m1", AT)
                .profile()
                .offer(schema, ProfileSchema.ORDER_NUMBER, "#ab-12345", "m2", AT)
                .profile();

        assertThat(profile.isComplete(schema)).isTrue();
        assertThat(profile.missing(schema)).isEmpty();
        assertThat(profile.value(ProfileSchema.PHONE)).isEmpty();
    }

    @Test
    void validValue_isStoredNormalised_withProvenance() {
        var offer = CustomerProfile.EMPTY.offer(TestSchemas.standard(), ProfileSchema.PHONE, "347 123 4567", "m-7", AT);

        var expected = new ProfileValue("+393471234567", "m-7", AT);
        assertThat(offer.update()).isEqualTo(new FieldUpdate.Stored(ProfileSchema.PHONE, expected));
        assertThat(offer.profile().value(ProfileSchema.PHONE)).contains(expected);
    }

    @Test
    void invalidValue_isRejected_andNotStored() {
        var offer =
                CustomerProfile.EMPTY.offer(TestSchemas.standard(), ProfileSchema.EMAIL, "giulia at example", "m1", AT);

        assertThat(offer.update()).isInstanceOf(FieldUpdate.Rejected.class);
        assertThat(((FieldUpdate.Rejected) offer.update()).offered()).isEqualTo("giulia at example");
        assertThat(((FieldUpdate.Rejected) offer.update()).reason()).contains("not a valid e-mail");
        assertThat(offer.profile()).isEqualTo(CustomerProfile.EMPTY);
    }

    @Test
    void invalidValue_leavesTheKnownValueInPlace() {
        var schema = TestSchemas.standard();
        var profile = stored(schema, ProfileSchema.PHONE, "+39 347 123 4567");

        var offer = profile.offer(schema, ProfileSchema.PHONE, "12", "m2", LATER);

        assertThat(offer.update()).isInstanceOf(FieldUpdate.Rejected.class);
        assertThat(offer.profile()).isEqualTo(profile);
    }

    @Test
    void unknownField_isRejected() {
        var offer = CustomerProfile.EMPTY.offer(TestSchemas.standard(), "shoeSize", "42", "m1", AT);

        assertThat(offer.update())
                .isEqualTo(new FieldUpdate.Rejected("shoeSize", "42", "unknown profile field 'shoeSize'"));
    }

    @Test
    void sameValueAgain_isUnchanged_andKeepsTheOriginalProvenance() {
        var schema = TestSchemas.standard();
        var profile = stored(schema, ProfileSchema.PHONE, "347 123 4567");

        var offer = profile.offer(schema, ProfileSchema.PHONE, "+39 347 1234567", "m2", LATER);

        assertThat(offer.update()).isEqualTo(new FieldUpdate.Unchanged(ProfileSchema.PHONE));
        assertThat(offer.profile()).isEqualTo(profile);
        assertThat(offer.profile().value(ProfileSchema.PHONE))
                .map(ProfileValue::source)
                .contains("m1");
    }

    @Test
    void differentValue_replacesTheKnownOne() {
        var schema = TestSchemas.standard();
        var profile = stored(schema, ProfileSchema.EMAIL, "old@example.it");

        var offer = profile.offer(schema, ProfileSchema.EMAIL, "new@example.it", "staff:anna", LATER);

        assertThat(offer.profile().value(ProfileSchema.EMAIL))
                .contains(new ProfileValue("new@example.it", "staff:anna", LATER));
    }

    @Test
    void customFieldWithPattern_acceptsMatchingValue() {
        var offer = CustomerProfile.EMPTY.offer(
                TestSchemas.shoeShop(), TestSchemas.FIDELITY_CARD, " FID-123456 ", "m1", AT);

        assertThat(offer.update()).isInstanceOf(FieldUpdate.Stored.class);
        assertThat(offer.profile().value(TestSchemas.FIDELITY_CARD))
                .map(ProfileValue::value)
                .contains("FID-123456");
    }

    @Test
    void customFieldWithPattern_rejectsValueThatDoesNotMatch() {
        var offer = CustomerProfile.EMPTY.offer(TestSchemas.shoeShop(), TestSchemas.FIDELITY_CARD, "FID-12", "m1", AT);

        assertThat(offer.update()).isInstanceOf(FieldUpdate.Rejected.class);
        assertThat(((FieldUpdate.Rejected) offer.update()).reason()).contains("does not match");
    }

    @Test
    void customFieldWithoutPattern_acceptsAnyText() {
        var offer = CustomerProfile.EMPTY.offer(TestSchemas.shoeShop(), TestSchemas.SHOE_SIZE, "42 e mezzo", "m1", AT);

        assertThat(offer.profile().value(TestSchemas.SHOE_SIZE))
                .map(ProfileValue::value)
                .contains("42 e mezzo");
    }

    @Test
    void profileValues_cannotBeChangedFromOutside() {
        var profile = stored(TestSchemas.standard(), ProfileSchema.NAME, "Giulia");

        assertThatThrownBy(() -> profile.values().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void schemaWithDuplicateFieldNames_isRefused() {
        var name = FieldDefinition.of("name", FieldType.NAME, true);

        assertThatThrownBy(() -> new ProfileSchema(List.of(name, name))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemaWith_replacesAFieldOfTheSameName() {
        var schema = TestSchemas.standard()
                .with(new FieldDefinition(
                        "orderNumber", "Ordine", FieldType.ORDER_NUMBER, Pattern.compile("\\d{6}"), false));

        var orderField = schema.field(ProfileSchema.ORDER_NUMBER).orElseThrow();

        assertThat(schema.fields()).hasSize(4);
        assertThat(orderField.required()).isFalse();
        assertThat(orderField.label()).isEqualTo("Ordine");
    }

    @Test
    void fieldNameWithSpaces_isRefused() {
        assertThatThrownBy(() -> FieldDefinition.of("shoe size", FieldType.TEXT, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shoe size");
    }

    @Test
    void fieldWithoutLabel_isLabelledByItsName() {
        var field = new FieldDefinition("vatNumber", " ", FieldType.TEXT, null, false);

        assertThat(field.label()).isEqualTo("vatNumber");
        assertThat(field.patternValue()).isEmpty();
    }

    private static CustomerProfile stored(ProfileSchema schema, String field, String value) {
        var offer = CustomerProfile.EMPTY.offer(schema, field, value, "m1", AT);
        assertThat(offer.update()).isInstanceOf(FieldUpdate.Stored.class);
        return offer.profile();
    }
}

package sportello.domain.profile;

/** How a profile field's values are checked and normalised. */
public enum FieldType {
    TEXT,
    NAME,
    EMAIL,
    PHONE,
    ORDER_NUMBER
}

package sportello.domain.conversation;

/**
 * What the channel says a delivered message costs the business, as reported with its status: the pricing model,
 * the type (e.g. {@code regular} or {@code free_customer_service}) and the category (e.g. {@code service},
 * {@code utility}, {@code marketing}). Kept as reported: prices change, and the categories are the channel's.
 */
public record Pricing(String model, String type, String category) {

    public Pricing {
        model = model == null ? "" : model;
        type = type == null ? "" : type;
        category = category == null ? "" : category;
    }

    /** Whether the channel counts it as charged; free service replies and free entry points are not. */
    public boolean charged() {
        return !type.startsWith("free");
    }
}

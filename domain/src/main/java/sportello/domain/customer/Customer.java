package sportello.domain.customer;

import java.util.Objects;
import java.util.Optional;

/**
 * A person writing to the business. Identified by the channel's stable user id (WhatsApp's business-scoped
 * user id) when there is one, else by the phone number; the phone is an optional, updatable attribute.
 * {@code previousUserId} is set only on the notice that the user id changed, so the customer's conversation can
 * still be found under the old one; it is never stored.
 */
public record Customer(CustomerKey key, String userId, String phone, String displayName, String previousUserId) {

    public Customer {
        Objects.requireNonNull(key, "key");
        userId = blankToNull(userId);
        phone = blankToNull(phone);
        displayName = blankToNull(displayName);
        previousUserId = blankToNull(previousUserId);
    }

    public Customer(CustomerKey key, String userId, String phone, String displayName) {
        this(key, userId, phone, displayName, null);
    }

    /** The customer as the channel names them after their user id changed from {@code previousUserId}. */
    public static Customer withChangedUserId(String userId, String previousUserId, String phone, String displayName) {
        return new Customer(CustomerKey.of(userId, phone), userId, phone, displayName, previousUserId);
    }

    public Optional<String> previousUserIdValue() {
        return Optional.ofNullable(previousUserId);
    }

    /** Builds a customer from what a channel tells us; at least one of userId and phone is required. */
    public static Customer of(String userId, String phone, String displayName) {
        return new Customer(CustomerKey.of(userId, phone), userId, phone, displayName);
    }

    public Optional<String> userIdValue() {
        return Optional.ofNullable(userId);
    }

    public Optional<String> phoneValue() {
        return Optional.ofNullable(phone);
    }

    public Optional<String> displayNameValue() {
        return Optional.ofNullable(displayName);
    }

    /** What the channel told us most recently wins; what it left out stays as we knew it. */
    public Customer updatedWith(Customer newer) {
        return new Customer(
                newer.userId != null ? newer.key : key,
                newer.userId != null ? newer.userId : userId,
                newer.phone != null ? newer.phone : phone,
                newer.displayName != null ? newer.displayName : displayName);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package sportello.domain.customer;

import java.util.Objects;

/** The stable key of a customer: the channel's user id when present, else the phone number. */
public record CustomerKey(String value) {

    public CustomerKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a customer key must not be blank");
        }
    }

    public static CustomerKey of(String userId, String phone) {
        if (userId != null && !userId.isBlank()) {
            return new CustomerKey(userId);
        }
        if (phone != null && !phone.isBlank()) {
            return new CustomerKey(phone);
        }
        throw new IllegalArgumentException("a customer needs a user id or a phone number");
    }
}

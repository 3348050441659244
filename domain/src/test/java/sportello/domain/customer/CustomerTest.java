package sportello.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomerTest {

    @Test
    void customerWithUserId_isKeyedByUserId() {
        var customer = Customer.of("IT.1234567890", "393331234567", "Giulia");

        assertThat(customer.key()).isEqualTo(new CustomerKey("IT.1234567890"));
    }

    @Test
    void customerWithoutUserId_isKeyedByPhone() {
        var customer = Customer.of(null, "393331234567", "Giulia");

        assertThat(customer.key()).isEqualTo(new CustomerKey("393331234567"));
    }

    @Test
    void blankUserId_countsAsAbsent() {
        var customer = Customer.of("  ", "393331234567", null);

        assertThat(customer.key().value()).isEqualTo("393331234567");
        assertThat(customer.userIdValue()).isEmpty();
    }

    @Test
    void customerWithNeitherUserIdNorPhone_isRefused() {
        assertThatThrownBy(() -> Customer.of(null, " ", "Giulia"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user id or a phone");
    }

    @Test
    void blankKey_isRefused() {
        assertThatThrownBy(() -> new CustomerKey(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankAttributes_becomeAbsent() {
        var customer = Customer.of("IT.1", "", " ");

        assertThat(customer.phoneValue()).isEmpty();
        assertThat(customer.displayNameValue()).isEmpty();
    }

    @Test
    void updatedWith_newerWithoutPhone_keepsKnownPhone() {
        var known = Customer.of("IT.1", "393331234567", "Giulia");
        var newer = Customer.of("IT.1", null, "Giulia R.");

        var updated = known.updatedWith(newer);

        assertThat(updated.phoneValue()).contains("393331234567");
        assertThat(updated.displayNameValue()).contains("Giulia R.");
    }

    @Test
    void updatedWith_newerPhoneAndName_win() {
        var known = Customer.of("IT.1", "393331234567", "Giulia");
        var newer = Customer.of("IT.1", "393339999999", "Giulia Rossi");

        var updated = known.updatedWith(newer);

        assertThat(updated.phoneValue()).contains("393339999999");
        assertThat(updated.displayNameValue()).contains("Giulia Rossi");
        assertThat(updated.key()).isEqualTo(new CustomerKey("IT.1"));
    }

    @Test
    void updatedWith_newerWithoutUserId_keepsUserIdAndKey() {
        var known = Customer.of("IT.1", "393331234567", "Giulia");
        var newer = Customer.of(null, "393331234567", null);

        var updated = known.updatedWith(newer);

        assertThat(updated.userIdValue()).contains("IT.1");
        assertThat(updated.key()).isEqualTo(new CustomerKey("IT.1"));
        assertThat(updated.displayNameValue()).contains("Giulia");
    }

    @Test
    void updatedWith_sameCustomer_changesNothing() {
        var known = Customer.of("IT.1", "393331234567", "Giulia");

        var updated = known.updatedWith(known);

        assertThat(updated).isEqualTo(known);
    }

    @Test
    void changedUserId_remembersTheOldOne_onlyUntilTheConversationTakesTheNewOne() {
        var known = Customer.of("IT.2468013579246801", null, "Chiara");
        var notice = Customer.withChangedUserId("IT.1357924680135792", "IT.2468013579246801", null, null);

        var updated = known.updatedWith(notice);

        assertThat(notice.previousUserIdValue()).contains("IT.2468013579246801");
        assertThat(updated.userId()).isEqualTo("IT.1357924680135792");
        assertThat(updated.previousUserIdValue()).isEmpty();
        assertThat(updated.displayName()).isEqualTo("Chiara");
    }
}

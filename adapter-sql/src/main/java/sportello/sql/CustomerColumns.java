package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import sportello.domain.customer.Customer;
import sportello.domain.customer.CustomerKey;

/** Reads a customer from the columns {@code customer_key, user_id, phone, display_name} of a row. */
public final class CustomerColumns {

    private CustomerColumns() {}

    public static Customer read(ResultSet rs) throws SQLException {
        return new Customer(
                new CustomerKey(rs.getString("customer_key")),
                rs.getString("user_id"),
                rs.getString("phone"),
                rs.getString("display_name"));
    }
}

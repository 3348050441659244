package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;
import sportello.domain.conversation.Pricing;

/**
 * A status report's pricing in the columns {@code pricing_model, pricing_type, pricing_category}: all three NULL when
 * the channel said nothing about the price, all three set otherwise.
 */
public final class PricingColumns {

    /**
     * The assignments of an upsert that keep the stored pricing and take the new one only where none was stored, so
     * the three columns always come from the same report.
     */
    public static final String KEEP_FIRST = "pricing_model = CASE WHEN status_report.pricing_type IS NULL"
            + " THEN excluded.pricing_model ELSE status_report.pricing_model END,"
            + " pricing_category = CASE WHEN status_report.pricing_type IS NULL"
            + " THEN excluded.pricing_category ELSE status_report.pricing_category END,"
            + " pricing_type = coalesce(status_report.pricing_type, excluded.pricing_type)";

    /**
     * Whether the report {@code r} is its message's earliest priced report (ties broken by id): the channel prices a
     * message in several reports, and this is the one it is counted on. The other reports of the message are found
     * through the unique key {@code (channel_message_id, state)}.
     */
    public static final String FIRST_PRICED = "r.pricing_type IS NOT NULL AND NOT EXISTS (SELECT 1 FROM status_report p"
            + " WHERE p.channel_message_id = r.channel_message_id AND p.pricing_type IS NOT NULL"
            + " AND (p.at < r.at OR (p.at = r.at AND p.id < r.id)))";

    private PricingColumns() {}

    /** Binds {@code :pricingModel, :pricingType, :pricingCategory}, all three null when there is no pricing. */
    public static <S extends SqlStatement<S>> S bind(S statement, Pricing pricing) {
        return statement
                .bind("pricingModel", pricing == null ? null : pricing.model())
                .bind("pricingType", pricing == null ? null : pricing.type())
                .bind("pricingCategory", pricing == null ? null : pricing.category());
    }

    public static Pricing read(ResultSet rs) throws SQLException {
        String type = rs.getString("pricing_type");
        return type == null ? null : new Pricing(rs.getString("pricing_model"), type, rs.getString("pricing_category"));
    }
}

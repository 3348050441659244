package sportello.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;
import sportello.domain.conversation.TemplateMessage;

/**
 * The template an outbound message is sent as, in the columns {@code template_name, template_language,
 * template_parameters} (the parameters as a JSON array of strings); all three are NULL for any other message.
 */
final class TemplateColumns {

    static final String SELECT = "m.template_name, m.template_language, m.template_parameters";

    private TemplateColumns() {}

    /** Binds {@code :templateName, :templateLanguage, :templateParameters}, all three null without a template. */
    static <S extends SqlStatement<S>> S bind(S statement, TemplateMessage template) {
        return statement
                .bind("templateName", template == null ? null : template.name())
                .bind("templateLanguage", template == null ? null : template.language())
                .bind("templateParameters", template == null ? null : JsonStringArray.write(template.parameters()));
    }

    static TemplateMessage read(ResultSet rs) throws SQLException {
        String name = rs.getString("template_name");
        return name == null
                ? null
                : new TemplateMessage(
                        name,
                        rs.getString("template_language"),
                        JsonStringArray.read(rs.getString("template_parameters")));
    }
}

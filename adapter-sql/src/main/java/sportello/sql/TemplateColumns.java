package sportello.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;
import sportello.domain.conversation.TemplateButton;
import sportello.domain.conversation.TemplateHeader;
import sportello.domain.conversation.TemplateMessage;

/**
 * The template an outbound message is sent as, in the columns {@code template_name, template_language,
 * template_parameters} (the parameters as a JSON array of strings) and {@code template_header, template_buttons}
 * (see V6); all are NULL for any other message.
 */
public final class TemplateColumns {

    public static final String SELECT =
            "m.template_name, m.template_language, m.template_parameters, m.template_header, m.template_buttons";

    /** The columns {@link #bind} fills, and their parameters, for an INSERT. */
    public static final String INSERT_COLUMNS =
            "template_name, template_language, template_parameters, template_header, template_buttons";

    public static final String INSERT_VALUES =
            ":templateName, :templateLanguage, :templateParameters, :templateHeader, :templateButtons";

    private TemplateColumns() {}

    /** Binds the parameters of {@link #INSERT_VALUES}, all null without a template. */
    public static <S extends SqlStatement<S>> S bind(S statement, TemplateMessage template) {
        return statement
                .bind("templateName", template == null ? null : template.name())
                .bind("templateLanguage", template == null ? null : template.language())
                .bind("templateParameters", template == null ? null : JsonStringArray.write(template.parameters()))
                .bind("templateHeader", template == null ? null : header(template))
                .bind("templateButtons", template == null ? null : buttons(template));
    }

    public static TemplateMessage read(ResultSet rs) throws SQLException {
        String name = rs.getString("template_name");
        return name == null
                ? null
                : new TemplateMessage(
                        name,
                        rs.getString("template_language"),
                        JsonStringArray.read(rs.getString("template_parameters")),
                        header(rs.getString("template_header")),
                        buttons(rs.getString("template_buttons")));
    }

    private static String header(TemplateMessage template) {
        return template.headerValue()
                .map(h -> JsonStringArray.write(List.of(h.format().name(), h.value())))
                .orElse(null);
    }

    private static TemplateHeader header(String json) {
        if (json == null) {
            return null;
        }
        List<String> parts = JsonStringArray.read(json);
        return new TemplateHeader(TemplateHeader.Format.valueOf(parts.get(0)), parts.get(1));
    }

    private static String buttons(TemplateMessage template) {
        if (template.buttons().isEmpty()) {
            return null;
        }
        List<String> flat = new ArrayList<>();
        for (TemplateButton button : template.buttons()) {
            flat.addAll(List.of(Integer.toString(button.index()), button.kind().name(), button.value()));
        }
        return JsonStringArray.write(flat);
    }

    private static List<TemplateButton> buttons(String json) {
        if (json == null) {
            return List.of();
        }
        List<String> flat = JsonStringArray.read(json);
        List<TemplateButton> buttons = new ArrayList<>();
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            buttons.add(new TemplateButton(
                    Integer.parseInt(flat.get(i)), TemplateButton.Kind.valueOf(flat.get(i + 1)), flat.get(i + 2)));
        }
        return List.copyOf(buttons);
    }
}

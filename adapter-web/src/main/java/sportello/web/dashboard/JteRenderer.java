package sportello.web.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Map;

/**
 * Renders the templates that jte-maven-plugin precompiled from {@code src/main/jte} at build time, HTML-escaped.
 * Each template takes one typed record, passed in the model under the template's parameter name.
 */
public final class JteRenderer implements FileRenderer {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    @SuppressWarnings("unchecked")
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        var output = new StringOutput();
        engine.render(filePath, (Map<String, Object>) model, output);
        return output.toString();
    }
}

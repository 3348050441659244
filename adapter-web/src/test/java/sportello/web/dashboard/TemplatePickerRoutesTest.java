package sportello.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.TemplateMessage;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.MessageTemplate;
import sportello.web.Desk;
import sportello.web.Http;

/** Once the 24-hour window has closed, the composer becomes a picker of approved templates. */
class TemplatePickerRoutesTest {

    private static final String ORDER_UPDATE = "aggiornamento_ordine:it";

    private final Desk desk = Desk.open();
    private final Http http = desk.http();

    @AfterEach
    void stop() {
        desk.close();
    }

    private ConversationId giuliaWroteYesterday() {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.deliverReplies();
        desk.clock.advance(Duration.ofHours(25));
        return id;
    }

    private String page(ConversationId id, String query) throws Exception {
        return http.get("/dashboard/conversations/" + id.value() + query, "Accept-Language", "en")
                .body();
    }

    private HttpResponse<String> htmxGet(String path) throws Exception {
        return http.get(path, "HX-Request", "true", "Accept-Language", "en");
    }

    private HttpResponse<String> sendTemplate(ConversationId id, String form, String... headers) throws Exception {
        if (http.cookie("sportello_csrf") == null) {
            http.get("/dashboard");
        }
        String csrf = http.cookie("sportello_csrf");
        return http.form(
                "/dashboard/conversations/" + id.value() + "/template",
                form + "&_csrf=" + csrf,
                headers.length == 0 ? new String[] {"HX-Request", "true", "Accept-Language", "en"} : headers);
    }

    @Test
    void openWindow_showsTheComposer_closedWindow_thePicker() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.deliverReplies();

        var open = page(id, "");
        desk.clock.advance(Duration.ofHours(25));
        var closed = page(id, "");

        assertThat(open).contains("id=\"reply-text\"").doesNotContain("id=\"template-picker\"");
        assertThat(closed)
                .contains("id=\"template-picker\"", "id=\"template-choice\"", "aggiornamento_ordine (it)")
                .doesNotContain("id=\"reply-text\"", "id=\"template-body\"");
    }

    @Test
    void choosingATemplate_showsItsText_andAFieldPerValue() throws Exception {
        var id = giuliaWroteYesterday();

        var composer = htmxGet("/dashboard/conversations/" + id.value() + "/composer?template=" + ORDER_UPDATE);
        var withoutScript = page(id, "?template=" + ORDER_UPDATE);

        assertThat(composer.body().strip()).startsWith("<div id=\"composer\"");
        for (String html : List.of(composer.body(), withoutScript)) {
            assertThat(html)
                    .contains("<option value=\"aggiornamento_ordine:it\" selected>")
                    .contains("id=\"template-body\">Ciao {{1}}, il tuo ordine {{2}} è in viaggio.</blockquote>")
                    .contains("<label for=\"template-value-1\">Value {{1}}</label>")
                    .contains("<label for=\"template-value-2\">Value {{2}}</label>")
                    .doesNotContain("template-value-3");
        }
    }

    @Test
    void namedPlaceholders_labelTheirFields() throws Exception {
        var id = giuliaWroteYesterday();
        desk.templates.with(new MessageTemplate(
                "benvenuto",
                "it",
                "UTILITY",
                "Ciao {{first_name}}, il tuo codice è {{code}}. A presto {{first_name}}!",
                2));

        var composer = htmxGet("/dashboard/conversations/" + id.value() + "/composer?template=benvenuto:it");

        assertThat(composer.body())
                .contains("<label for=\"template-value-1\">Value {{first_name}}</label>")
                .contains("<label for=\"template-value-2\">Value {{code}}</label>");
    }

    @Test
    void templateWithAnImageHeaderAndALinkButton_asksForBoth_andSendsThem() throws Exception {
        var id = giuliaWroteYesterday();
        desk.templates.with(new MessageTemplate(
                "traccia_spedizione",
                "it",
                "UTILITY",
                "Ciao {{1}}, il tuo pacco è partito.",
                1,
                sportello.domain.conversation.TemplateHeader.Format.IMAGE,
                List.of(1)));

        var composer = htmxGet("/dashboard/conversations/" + id.value() + "/composer?template=traccia_spedizione:it");
        var sent = sendTemplate(
                id,
                "name=traccia_spedizione&language=it&value=Giulia&headerType=image"
                        + "&header=https%3A%2F%2Ffiles.example.it%2Fpacco.jpg&link-1=58213");
        desk.deliverReplies();

        assertThat(composer.body())
                .contains("<label for=\"template-header\">Header image (https:// link or media id)</label>")
                .contains("<label for=\"link-1\">End of the link of button 2</label>");
        assertThat(sent.body()).contains("id=\"template-sent\"");
        assertThat(desk.channel.templates())
                .containsExactly(new TemplateMessage(
                        "traccia_spedizione",
                        "it",
                        List.of("Giulia"),
                        new sportello.domain.conversation.TemplateHeader(
                                sportello.domain.conversation.TemplateHeader.Format.IMAGE,
                                "https://files.example.it/pacco.jpg"),
                        List.of(new sportello.domain.conversation.TemplateButton(
                                1, sportello.domain.conversation.TemplateButton.Kind.URL, "58213"))));
    }

    @Test
    void sendingATemplate_queuesIt_andTheConversationShowsItsText() throws Exception {
        var id = giuliaWroteYesterday();

        var sent = sendTemplate(id, "name=aggiornamento_ordine&language=it&value=Giulia&value=58213");
        desk.deliverReplies();

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.headers().firstValue("HX-Trigger")).contains("conversation-changed");
        assertThat(sent.body()).contains("id=\"template-sent\"");
        assertThat(desk.channel.templates())
                .containsExactly(new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia", "58213")));
        var last = desk.storage.byId(id).orElseThrow().messages().getLast();
        assertThat(last.kind()).isEqualTo(MessageKind.TEMPLATE);
        assertThat(last.text()).isEqualTo("Ciao Giulia, il tuo ordine 58213 è in viaggio.");
        assertThat(page(id, "")).contains("📋 Template", "Ciao Giulia, il tuo ordine 58213 è in viaggio.");
    }

    @Test
    void withoutScript_sendingGoesBackToThePage() throws Exception {
        var id = giuliaWroteYesterday();

        var sent = sendTemplate(
                id, "name=aggiornamento_ordine&language=it&value=Giulia&value=58213", "Accept-Language", "en");

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).contains("/dashboard/conversations/" + id.value());
        assertThat(desk.storage.unsentCount()).isEqualTo(1);
    }

    @Test
    void aMissingValue_isRefusedInThePicker_keepingWhatWasTyped() throws Exception {
        var id = giuliaWroteYesterday();

        var htmx = sendTemplate(id, "name=aggiornamento_ordine&language=it&value=Giulia&value=");
        var withoutScript =
                sendTemplate(id, "name=aggiornamento_ordine&language=it&value=Giulia", "Accept-Language", "en");

        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body())
                .contains("id=\"template-error\"", "Not sent: a template parameter is empty")
                .contains("id=\"template-value-1\" name=\"value\" value=\"Giulia\"");
        assertThat(withoutScript.statusCode()).isEqualTo(422);
        assertThat(withoutScript.body()).contains("<html", "Not sent: template 'aggiornamento_ordine' needs 2 values");
        assertThat(desk.storage.unsentCount()).isZero();
    }

    @Test
    void anUnknownTemplate_isRefusedWithTheReason() throws Exception {
        var id = giuliaWroteYesterday();

        var response = sendTemplate(id, "name=order_ready&language=en&value=Giulia");

        assertThat(response.body()).contains("Not sent: there is no approved template 'order_ready'");
        assertThat(desk.storage.unsentCount()).isZero();
    }

    @Test
    void catalogueUnavailable_saysWhy_andTheTemplateCanStillBeTyped() throws Exception {
        var id = giuliaWroteYesterday();
        desk.templates.unavailable("Meta did not answer in time");

        var html = page(id, "");
        var sent = sendTemplate(id, "name=aggiornamento_ordine&language=it&values=Giulia%0D%0A58213%0D%0A");

        assertThat(html)
                .contains("id=\"templates-unavailable\"", "Meta did not answer in time")
                .contains("id=\"template-name\"", "id=\"template-language\"", "id=\"template-values\"");
        assertThat(sent.body()).contains("id=\"template-sent\"");
        assertThat(desk.storage.byId(id).orElseThrow().messages().getLast().text())
                .isEqualTo("📋 aggiornamento_ordine: Giulia, 58213");
    }

    @Test
    void templateTextsAndTypedValues_areShownAsText() throws Exception {
        var id = giuliaWroteYesterday();
        desk.templates.with(new MessageTemplate("promo", "en", "MARKETING", "<b>Hi</b> {{1}}", 1));

        var chosen = htmxGet("/dashboard/conversations/" + id.value() + "/composer?template=promo:en");
        var refused = sendTemplate(id, "name=promo&language=en&value=%3Cscript%3Ex%3C%2Fscript%3E&value=extra");

        assertThat(chosen.body()).contains("&lt;b&gt;Hi&lt;/b&gt; {{1}}").doesNotContain("<b>Hi</b>");
        assertThat(refused.body())
                .contains("value=\"&lt;script>x&lt;/script>\"")
                .doesNotContain("<script>x</script>");
    }
}

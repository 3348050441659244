package sportello.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.MessageKind;
import sportello.domain.customer.Customer;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Channel;
import sportello.web.Desk;
import sportello.web.Http;
import sportello.web.TestFiles;

class DashboardRoutesTest {

    private final Desk desk = Desk.open();
    private final Http http = desk.http();

    @AfterEach
    void stop() {
        desk.close();
    }

    private String csrf() throws Exception {
        if (http.cookie("sportello_csrf") == null) {
            http.get("/dashboard");
        }
        return http.cookie("sportello_csrf");
    }

    private HttpResponse<String> htmxForm(String path, String body) throws Exception {
        return http.form(path, body, "HX-Request", "true", "X-CSRF-Token", csrf());
    }

    @Test
    void list_showsEachConversationWithItsState() throws Exception {
        desk.customerWrites(TestMessages.giulia(), "Buongiorno, sono Giulia Rossi");

        var page = http.get("/dashboard", "Accept-Language", "it-IT,it;q=0.9,en;q=0.8");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body())
                .contains("Giulia Rossi", "+393331234567", "Echo: Buongiorno, sono Giulia Rossi")
                .contains("mode-bot", "Incompleto", "Aperta · mancano 24 h")
                .contains("<span class=\"unread\"")
                .contains("1–1 di 1");
    }

    @Test
    void listAskedByHtmx_isOnlyThePartial() throws Exception {
        desk.customerWrites(TestMessages.giulia(), "Ciao");

        var partial = http.get("/dashboard?q=giulia", "HX-Request", "true");

        assertThat(partial.body().strip())
                .startsWith("<div id=\"conversation-list\"")
                .doesNotContain("<html");
        assertThat(partial.body()).contains("Giulia Rossi");
        assertThat(partial.headers().firstValue("Vary")).contains("HX-Request");
    }

    @Test
    void searchAndFilters_narrowTheList() throws Exception {
        desk.customerWrites(TestMessages.giulia(), "Ciao, la mia e-mail è giulia.rossi@example.it");
        var marco = desk.customerWrites(TestMessages.marco(), "Ordine 778899 in ritardo");
        htmxForm("/dashboard/conversations/" + marco.value() + "/mode", "mode=HUMAN");

        var byEmail = http.get("/dashboard?q=giulia.rossi%40example", "HX-Request", "true")
                .body();
        var byOrder = http.get("/dashboard?q=778899", "HX-Request", "true").body();
        var staffOnly = http.get("/dashboard?mode=HUMAN", "HX-Request", "true").body();
        var closedOnly =
                http.get("/dashboard?window=closed", "HX-Request", "true").body();

        assertThat(byEmail).contains("Giulia Rossi").doesNotContain("Marco Bianchi");
        assertThat(byOrder).contains("Marco Bianchi").doesNotContain("Giulia Rossi");
        assertThat(staffOnly).contains("Marco Bianchi").doesNotContain("Giulia Rossi");
        assertThat(closedOnly).doesNotContain("Marco Bianchi", "Giulia Rossi");
    }

    @Test
    void paging_showsFiftyAndTheTotal() throws Exception {
        for (int i = 0; i < 51; i++) {
            desk.customerWrites(Customer.of(null, "39333000" + String.format("%04d", i), "Cliente " + i), "Ciao");
        }

        var first = http.get("/dashboard", "Accept-Language", "en").body();
        var second = http.get("/dashboard?page=2", "Accept-Language", "en").body();

        assertThat(first).contains("1–50 of 51").contains("href=\"/dashboard?page=2\"");
        assertThat(Stream.of(first.split("<tr id=\"row-")).count() - 1).isEqualTo(50);
        assertThat(second).contains("51–51 of 51").contains("href=\"/dashboard?page=1\"");
    }

    @Test
    void customerControlledText_isEscapedOnListAndDetail() throws Exception {
        var id = desk.customerWrites(
                Customer.of(null, "393330000001", "<script>alert(1)</script>"), "<img src=x onerror=alert(2)>");

        var list = http.get("/dashboard").body();
        var detail = http.get("/dashboard/conversations/" + id.value()).body();

        for (String html : new String[] {list, detail}) {
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
            assertThat(html).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img src=x");
        }
    }

    @Test
    void openingAConversation_marksItSeen() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        var before = desk.json.readTree(http.get("/api/conversations").body()).get(0);

        http.get("/dashboard/conversations/" + id.value());
        var after = desk.json.readTree(http.get("/api/conversations").body()).get(0);

        assertThat(before.path("unread").asInt()).isEqualTo(1);
        assertThat(after.path("unread").asInt()).isZero();
    }

    @Test
    void detail_showsAuthorsTicksMediaAndFailures() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.deliverReplies();
        desk.customerSends(TestMessages.giulia(), MessageKind.IMAGE, "lo scontrino");
        desk.channel.thenAnswer(new Channel.SendResult.Refused("131047 re-engagement message", false));
        desk.deliverReplies();

        var html = http.get("/dashboard/conversations/" + id.value(), "Accept-Language", "en")
                .body();

        assertThat(html).contains("<span class=\"author\">Customer</span>", "<span class=\"author\">Bot</span>");
        assertThat(html).contains("class=\"ticks sent\"", "✓");
        assertThat(html).contains("📷 Image", "lo scontrino", "(file not available)");
        assertThat(html).contains("class=\"ticks failed\"", "Not delivered: 131047 re-engagement message");
        assertThat(html).contains("Delivery failed: 131047 re-engagement message"); // the attention badge
    }

    @Test
    void detail_showsFilesInPlace_offersThemForDownload_andSaysWhichAreMissing() throws Exception {
        var giulia = TestMessages.giulia();
        desk.files
                .publish("p1", "image/png", TestFiles.PNG)
                .publish("a1", "audio/ogg; codecs=opus", TestFiles.WAV)
                .publish("v1", "video/mp4", TestFiles.WAV)
                .publish("d1", "application/pdf", TestFiles.PDF);
        var id = desk.customerSends(
                giulia, MessageKind.IMAGE, "Lo \"scontrino\" <rotto>", new Attachment("p1", "image/png", null));
        desk.customerSends(giulia, MessageKind.AUDIO, "", new Attachment("a1", "audio/ogg; codecs=opus", null));
        desk.customerSends(giulia, MessageKind.VIDEO, "", new Attachment("v1", "video/mp4", null));
        desk.customerSends(
                giulia, MessageKind.DOCUMENT, "", new Attachment("d1", "application/pdf", "Fattura <12>.pdf"));
        desk.customerSends(giulia, MessageKind.DOCUMENT, "", new Attachment("gone", "application/pdf", "old.pdf"));

        var english = http.get("/dashboard/conversations/" + id.value(), "Accept-Language", "en")
                .body();
        var italian = http.get("/dashboard/conversations/" + id.value(), "Accept-Language", "it")
                .body();

        assertThat(english)
                .contains("<img src=\"/api/media/p1\" alt=\"Lo &#34;scontrino&#34; &lt;rotto>\"")
                .doesNotContain("<rotto>");
        assertThat(english)
                .containsPattern("<audio id=\"player-[^\"]+\" hx-preserve=\"true\" controls"
                        + " preload=\"metadata\" src=\"/api/media/a1\"></audio>");
        assertThat(english)
                .containsPattern("<video id=\"player-[^\"]+\" hx-preserve=\"true\" controls"
                        + " preload=\"metadata\" src=\"/api/media/v1\"></video>");
        assertThat(english)
                .contains("href=\"/api/media/d1?name=Fattura%20%3C12%3E.pdf\" download", "📎 Fattura _12_.pdf")
                .doesNotContain("<12>");
        assertThat(english).contains("(file not available)").doesNotContain("/api/media/gone");
        assertThat(italian).contains("(file non disponibile)", "title=\"Scarica\"");
    }

    @Test
    void closedWindow_offersTemplatesInsteadOfFreeText_andRefusesFreeText() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.deliverReplies();
        desk.clock.advance(Duration.ofHours(25));

        var html = http.get("/dashboard/conversations/" + id.value(), "Accept-Language", "en")
                .body();
        var reply = htmxForm("/dashboard/conversations/" + id.value() + "/reply", "text=Ci+sei%3F");

        assertThat(html).contains("only approved message templates", "id=\"template-choice\"");
        assertThat(html).contains("<option value=\"aggiornamento_ordine:it\">aggiornamento_ordine (it)</option>");
        assertThat(html).doesNotContain("id=\"reply-text\"");
        assertThat(reply.body()).contains("window is closed");
        assertThat(desk.storage.unsentCount()).isZero();
    }

    @Test
    void staffReply_isQueuedAndTakesOver() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.deliverReplies();

        var reply = htmxForm("/dashboard/conversations/" + id.value() + "/reply", "text=Ci+penso+io%21");
        desk.deliverReplies();

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("HX-Trigger")).contains("conversation-changed");
        assertThat(desk.channel.sent().getLast().text()).isEqualTo("Ci penso io!");
        assertThat(desk.storage.byId(id).orElseThrow().mode().name()).isEqualTo("HUMAN");
    }

    @Test
    void takeOverAndGiveBack_switchTheModeAndTheButton() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");

        var taken = htmxForm("/dashboard/conversations/" + id.value() + "/mode", "mode=HUMAN");
        var given = htmxForm("/dashboard/conversations/" + id.value() + "/mode", "mode=BOT");

        assertThat(taken.body().strip())
                .startsWith("<div id=\"conversation-live\"")
                .contains("id=\"give-back\"");
        assertThat(given.body()).contains("id=\"take-over\"");
        assertThat(desk.storage.byId(id).orElseThrow().mode().name()).isEqualTo("BOT");
    }

    @Test
    void profileEdit_invalidEmailShowsTheError_validOneIsSavedAsStaff() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Sono Giulia Rossi");
        String path = "/dashboard/conversations/" + id.value() + "/profile";

        var invalid = http.form(
                path,
                "f_name=Giulia+Rossi&f_email=non-una-mail",
                "HX-Request",
                "true",
                "X-CSRF-Token",
                csrf(),
                "Accept-Language",
                "it");
        var valid = http.form(
                path,
                "f_name=Giulia+Rossi&f_email=giulia%40example.it",
                "HX-Request",
                "true",
                "X-CSRF-Token",
                csrf(),
                "Accept-Language",
                "en");

        assertThat(invalid.body()).contains("id=\"err_email\"", "Non è un indirizzo e-mail valido");
        assertThat(invalid.body()).contains("value=\"non-una-mail\"");
        assertThat(valid.body()).contains("Profile saved.", "Entered by staff");
        assertThat(valid.body()).contains("From the customer"); // the name still comes from the message
        var profile = desk.storage.byId(id).orElseThrow().profile();
        assertThat(profile.value("email").orElseThrow().source()).isEqualTo("staff");
        assertThat(profile.value("name").orElseThrow().source()).isNotEqualTo("staff");
    }

    @Test
    void conversationPage_offersTheGdprExportAndErasure_inBothLanguages() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        String path = "/dashboard/conversations/" + id.value();

        var english = http.get(path, "Accept-Language", "en").body();
        var italian = http.get(path, "Accept-Language", "it").body();

        assertThat(english)
                .contains("href=\"/api/customers/" + id.value() + "/export\" download>Export data (GDPR)</a>")
                .contains("action=\"" + path + "/erase\"", "id=\"erase-customer\"", "Erase customer (GDPR)");
        assertThat(italian).contains("Esporta dati (GDPR)", "Cancella cliente (GDPR)");
    }

    @Test
    void erasing_asksToTypeTheNameOrTheWord_andNothingElseErases() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        String path = "/dashboard/conversations/" + id.value() + "/erase";

        var english = http.get(path, "Accept-Language", "en");
        var italian = http.get(path, "Accept-Language", "it");
        var wrong = http.form(path, "confirm=Giulia&_csrf=" + csrf(), "Accept-Language", "en");

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("Erase Giulia Rossi?", "type the customer's name (Giulia Rossi) or ERASE");
        assertThat(italian.body()).contains("Cancellare Giulia Rossi?", "oppure CANCELLA");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"erase-error\"", "nothing was erased", "value=\"Giulia\"");
        assertThat(desk.records.isErased(id)).isFalse();
        assertThat(desk.records.auditLog()).isEmpty();
    }

    @Test
    void erasingWithTheName_goesBackToTheListWithANotice_andTheCustomerIsGone() throws Exception {
        var giulia = desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.customerWrites(TestMessages.marco(), "Buongiorno");

        var erased = http.form(
                "/dashboard/conversations/" + giulia.value() + "/erase", "confirm=+giulia++ROSSI+&_csrf=" + csrf());
        var list = http.get("/dashboard?erased=1", "Accept-Language", "en").body();

        assertThat(erased.statusCode()).isEqualTo(303);
        assertThat(erased.headers().firstValue("Location")).contains("/dashboard?erased=1");
        assertThat(list)
                .contains("id=\"list-notice\"", "The customer's data has been erased")
                .contains("Marco Bianchi")
                .doesNotContain("Giulia");
        assertThat(desk.records.auditLog())
                .singleElement()
                .satisfies(e -> assertThat(e.action() + " " + e.subject() + " by " + e.actor())
                        .isEqualTo("erase " + giulia.value() + " by local-network"));
        assertThat(http.get("/dashboard/conversations/" + giulia.value(), "Accept", "text/html")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void erasingWithTheItalianWord_works_andAnUnknownCustomerIs404() throws Exception {
        var id = desk.customerWrites(TestMessages.marco(), "Buongiorno");

        var erased = http.form("/dashboard/conversations/" + id.value() + "/erase", "confirm=cancella&_csrf=" + csrf());
        var again = http.form(
                "/dashboard/conversations/" + id.value() + "/erase",
                "confirm=CANCELLA&_csrf=" + csrf(),
                "Accept",
                "text/html");

        assertThat(erased.statusCode()).isEqualTo(303);
        assertThat(desk.records.isErased(id)).isTrue();
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(desk.records.auditLog()).hasSize(1);
    }

    @Test
    void erasingWithHtmx_swapsTheFormOnAMismatch_andRedirectsOnceErased() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        String path = "/dashboard/conversations/" + id.value() + "/erase";

        var wrong = htmxForm(path, "confirm=DELETE");
        var right = htmxForm(path, "confirm=ERASE");

        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body().strip()).startsWith("<section class=\"erase\" id=\"erase\">");
        assertThat(wrong.body()).contains("id=\"erase-error\"").doesNotContain("<html");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.headers().firstValue("HX-Redirect")).contains("/dashboard?erased=1");
        assertThat(desk.records.isErased(id)).isTrue();
    }

    @Test
    void unknownConversation_isA404Page() throws Exception {
        var response = http.get("/dashboard/conversations/nope", "Accept", "text/html", "Accept-Language", "en");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Not found", "no conversation with id nope");
    }

    @Test
    void analyticsPage_hasFiguresChartsAndTables() throws Exception {
        var html = http.get("/dashboard/analytics?from=2026-11-01&to=2026-11-25", "Accept-Language", "en")
                .body();

        assertThat(html).contains("value=\"2026-11-01\"", "value=\"2026-11-25\"");
        assertThat(html).contains("50 %", "First response, bot", "10 s", "1 min", "p90 1 min 30 s");
        assertThat(html).contains("id=\"chart-conversations\"", "data-chart=\"{&#34;type&#34;:&#34;bar&#34;");
        assertThat(html).contains("/dashboard/analytics.csv?from=2026-11-01&amp;to=2026-11-25");
        assertThat(html).contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
    }

    @Test
    void analyticsWithAnImpossibleRange_saysSoAndShowsTheDefault() throws Exception {
        var html = http.get("/dashboard/analytics?from=2026-11-25&to=2026-11-01", "Accept-Language", "en")
                .body();

        assertThat(html).contains("That range cannot be shown", "after it ends");
    }

    @Test
    void analyticsCsv_isOneLongTable_withFormulasDefused() throws Exception {
        var csv = http.get("/dashboard/analytics.csv?from=2026-11-20&to=2026-11-25");

        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"sportello-analytics-2026-11-20-2026-11-25.csv\"");
        assertThat(csv.body())
                .startsWith("metric,date,key,value\r\n")
                .contains("conversations,2026-11-24,,8\r\n")
                .contains("first_response_avg_seconds,,bot,10.0\r\n")
                .contains("handoffs,,Handoff requested: refund,2\r\n")
                .contains("handoffs,,\"'=HYPERLINK(\"\"http://evil\"\")\",1\r\n")
                .contains("cost_usd,2026-11-24,,0.0123\r\n");
    }

    @Test
    void language_followsTheBrowser_untilTheSwitchSetsACookie() throws Exception {
        var italian = http.get("/dashboard", "Accept-Language", "it-IT,it;q=0.9");
        var german = http.get("/dashboard", "Accept-Language", "de-DE");
        var switched = http.get("/lang/it?back=%2Fdashboard%3Fq%3Dx", "Accept-Language", "en");
        var afterSwitch = http.get("/dashboard", "Accept-Language", "en");
        var offSite = http.get("/lang/en?back=%2F%2Fevil.example");

        assertThat(italian.body()).contains("<html lang=\"it\">", "Conversazioni");
        assertThat(german.body()).contains("<html lang=\"en\">");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location")).contains("/dashboard?q=x");
        assertThat(Http.all(switched, "Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("sportello_lang=it;"));
        assertThat(afterSwitch.body()).contains("<html lang=\"it\">");
        assertThat(offSite.headers().firstValue("Location")).contains("/dashboard");
    }

    @Test
    void attention_countsConversationsThatNeedStaff() throws Exception {
        desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.channel.thenAnswer(new Channel.SendResult.Refused("bad recipient", false));
        desk.deliverReplies();

        var count = desk.json.readTree(http.get("/dashboard/attention").body());
        var page = http.get("/dashboard").body();

        assertThat(count.path("count").asInt()).isEqualTo(1);
        assertThat(page).contains("<title>(1) ");
    }

    @Test
    void events_streamEveryChangeToTheBrowser() throws Exception {
        var lines = new LinkedBlockingQueue<String>();
        var request = HttpRequest.newBuilder(URI.create(desk.base + "/dashboard/events"))
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    Thread.ofVirtual().start(() -> {
                        try {
                            response.body().forEach(lines::add);
                        } catch (UncheckedIOException closed) {
                            // the test closes the stream when it has seen what it waited for
                        }
                    });
                    return response;
                });
        var response = stream.get(10, TimeUnit.SECONDS);
        assertThat(lines.poll(10, TimeUnit.SECONDS)).startsWith(":"); // connected: a keep-alive comment

        ConversationId id = desk.customerWrites(TestMessages.giulia(), "Ciao");

        String event = null;
        String data = null;
        for (String line = lines.poll(10, TimeUnit.SECONDS);
                line != null && data == null;
                line = lines.poll(10, TimeUnit.SECONDS)) {
            if (line.equals("event: conversation")) {
                event = line;
            } else if (event != null && line.startsWith("data: ")) {
                data = line.substring("data: ".length());
            }
        }
        assertThat(data).isEqualTo(id.value());
        assertThat(desk.live.watchers()).isEqualTo(1);
        response.body().close();
    }
}

package sportello.whatsapp.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sportello.whatsapp.templates.TemplatePages.FIRST;
import static sportello.whatsapp.templates.TemplatePages.SECOND;
import static sportello.whatsapp.templates.TemplatePages.page;

import java.time.Duration;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import sportello.ports.fake.ManualClock;
import sportello.ports.fake.StaticTemplates;
import sportello.ports.out.MessageTemplate;
import sportello.ports.out.Templates.TemplatesUnavailable;
import sportello.whatsapp.TestSettings;

/** Listing the account's templates: the request, paging, what is kept, the cache and what staff read on failure. */
class WhatsAppTemplatesTest {

    private static final MessageTemplate APPOINTMENT = new MessageTemplate(
            "conferma_appuntamento",
            "it",
            "UTILITY",
            "Ciao {{nome}}, ti aspettiamo {{giorno}} alle {{ora}}. A {{giorno}}!",
            3);
    private static final MessageTemplate WELCOME = new MessageTemplate(
            "benvenuto",
            "it",
            "MARKETING",
            "Grazie per averci scritto! Rispondiamo dal lunedì al sabato, 9:30-19:00.",
            0);

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @Test
    void firstCall_asksForTheFieldsItReads_withTheBearerToken() throws Exception {
        server.enqueue(page(FIRST));

        templates().approved();

        RecordedRequest request = server.takeRequest();
        HttpUrl url = request.getUrl();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(url.encodedPath()).isEqualTo("/v26.0/" + TestSettings.ACCOUNT_ID + "/message_templates");
        assertThat(url.queryParameter("fields")).isEqualTo("name,language,status,category,components,parameter_format");
        assertThat(url.queryParameter("limit")).isEqualTo("100");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestSettings.ACCESS_TOKEN);
    }

    @Test
    void onlyApprovedTemplates_areListed_withTheirBodyAndNumberOfValues() {
        server.enqueue(page(FIRST));

        assertThat(templates().approved()).containsExactly(StaticTemplates.ORDER_UPDATE);
    }

    @Test
    void headerFileAndLinkButtonsWithAPlaceholder_areWhatATemplateNeedsFilledIn() {
        server.enqueue(page(TemplatePages.MEDIA));

        var listed = templates().approved();

        assertThat(listed).hasSize(2);
        var tracking = listed.get(0);
        assertThat(tracking.header()).isEqualTo(sportello.domain.conversation.TemplateHeader.Format.IMAGE);
        assertThat(tracking.linkButtons()).containsExactly(1);
        assertThat(tracking.parameters()).isEqualTo(1);
        var sale = listed.get(1);
        assertThat(sale.header()).isEqualTo(sportello.domain.conversation.TemplateHeader.Format.TEXT);
        assertThat(sale.linkButtons()).isEmpty();
        assertThat(sale.parameters()).isZero();
    }

    @Test
    void nextPageOnTheGraphHost_isFollowed_andAPlaceholderUsedTwiceCountsOnce() throws Exception {
        HttpUrl next =
                pageUrl().newBuilder().addQueryParameter("after", "CURSOR2").build();
        server.enqueue(page(FIRST, next.toString()));
        server.enqueue(page(SECOND));

        var approved = templates().approved();

        assertThat(approved).containsExactly(StaticTemplates.ORDER_UPDATE, APPOINTMENT, WELCOME);
        server.takeRequest();
        assertThat(server.takeRequest().getUrl()).isEqualTo(next);
    }

    @Test
    void nextPageOnAnotherHost_isAskedOnTheConfiguredHost_withItsCursor() throws Exception {
        server.enqueue(page(
                FIRST,
                "https://graph.example.net/v26.0/" + TestSettings.ACCOUNT_ID
                        + "/message_templates?limit=100&after=ELSEWHERE"));
        server.enqueue(page(SECOND));

        var approved = templates().approved();

        assertThat(approved).containsExactly(StaticTemplates.ORDER_UPDATE, APPOINTMENT, WELCOME);
        server.takeRequest();
        HttpUrl second = server.takeRequest().getUrl();
        assertThat(second.encodedPath()).isEqualTo(pageUrl().encodedPath());
        assertThat(second.queryParameter("after")).isEqualTo(TemplatePages.after(FIRST));
        assertThat(second.queryParameter("fields")).isEqualTo(TemplateListing.FIELDS);
    }

    @Test
    void pagingThatNeverEnds_stopsAfterAFixedNumberOfPages() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return page(FIRST, request.getUrl().toString());
            }
        });

        var approved = templates().approved();

        assertThat(server.getRequestCount()).isEqualTo(TemplateListing.MAX_PAGES);
        assertThat(approved).hasSize(TemplateListing.MAX_PAGES);
    }

    @Test
    void listWithinTheCacheTime_isServedWithoutAskingAgain() {
        server.enqueue(page(FIRST));
        server.enqueue(page(SECOND));
        var templates = templates();

        templates.approved();
        clock.advance(WhatsAppTemplates.DEFAULT_CACHE_TIME.minusSeconds(1));
        var cached = templates.approved();
        clock.advance(Duration.ofSeconds(1));
        var fresh = templates.approved();

        assertThat(cached).containsExactly(StaticTemplates.ORDER_UPDATE);
        assertThat(fresh).containsExactly(APPOINTMENT, WELCOME);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void refresh_makesTheNextCallAskGraph() {
        server.enqueue(page(FIRST));
        server.enqueue(page(SECOND));
        var templates = templates();
        templates.approved();

        templates.refresh();

        assertThat(templates.approved()).containsExactly(APPOINTMENT, WELCOME);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void outageAfterTheCacheTime_servesTheLastListRead() {
        server.enqueue(page(FIRST));
        server.enqueue(TemplatePages.error(500, "error-131000.response.json"));
        var templates = templates();
        templates.approved();
        clock.advance(Duration.ofHours(1));

        assertThat(templates.approved()).containsExactly(StaticTemplates.ORDER_UPDATE);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void outageAfterRefresh_saysWhyInsteadOfServingTheDroppedList() {
        server.enqueue(page(FIRST));
        server.enqueue(TemplatePages.error(500, "error-131000.response.json"));
        var templates = templates();
        templates.approved();

        templates.refresh();

        assertThatThrownBy(templates::approved)
                .isInstanceOf(TemplatesUnavailable.class)
                .hasMessageStartingWith("WhatsApp could not be reached, try again");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        TemplatePages.error(401, "error-190.response.json"),
                        "WhatsApp refused the access token",
                        "set WHATSAPP_ACCESS_TOKEN",
                        "[WhatsApp error 190: "),
                Arguments.of(
                        new MockResponse.Builder().code(401).build(),
                        "WhatsApp refused the access token",
                        "system-user token",
                        "[HTTP 401]"),
                Arguments.of(
                        TemplatePages.error(400, "error-100-unknown-object.response.json"),
                        "WHATSAPP_ACCOUNT_ID is wrong",
                        "WhatsApp Business Account id from WhatsApp Manager",
                        "[WhatsApp error 100: "),
                Arguments.of(
                        new MockResponse.Builder().code(404).body("Not Found").build(),
                        "WHATSAPP_ACCOUNT_ID is wrong",
                        "WhatsApp Business Account id from WhatsApp Manager",
                        "[HTTP 404]"),
                Arguments.of(
                        TemplatePages.graphError(403, 200),
                        "the access token may not read templates",
                        "whatsapp_business_management",
                        "[WhatsApp error 200: "),
                Arguments.of(
                        TemplatePages.error(500, "error-131000.response.json"),
                        "WhatsApp could not be reached, try again",
                        "in a minute",
                        "[WhatsApp error 131000: "),
                Arguments.of(
                        new MockResponse.Builder()
                                .code(502)
                                .body("<html>Bad gateway</html>")
                                .build(),
                        "WhatsApp could not be reached, try again",
                        "in a minute",
                        "[HTTP 502]"),
                Arguments.of(
                        json(200, "<html>Login</html>"),
                        "WhatsApp's list of templates could not be read",
                        "report it as a Sportello bug",
                        "[not JSON: "),
                Arguments.of(
                        json(200, "{\"success\":true}"),
                        "WhatsApp's list of templates could not be read",
                        "try again",
                        "[HTTP 200 without a data list]"),
                Arguments.of(
                        TemplatePages.graphError(400, 131009),
                        "WhatsApp refused to list the templates",
                        "check WHATSAPP_ACCOUNT_ID and the token's permissions",
                        "[WhatsApp error 131009: "));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failureWithNothingCached_saysWhatToDo(MockResponse answer, String starts, String advice, String code) {
        server.enqueue(answer);

        assertThatThrownBy(() -> templates().approved())
                .isInstanceOf(TemplatesUnavailable.class)
                .hasMessageStartingWith(starts)
                .hasMessageContaining(advice)
                .hasMessageContaining(code)
                .hasMessageNotContaining(TestSettings.ACCESS_TOKEN);
    }

    @Test
    void unreachableGraph_saysToTryAgain() {
        var templates = templates();
        server.close();

        assertThatThrownBy(templates::approved)
                .isInstanceOf(TemplatesUnavailable.class)
                .hasMessageStartingWith("WhatsApp could not be reached, try again in a minute [");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noAccountId_everyCallSaysToSetIt_withoutAskingGraph(String accountId) {
        var templates = new WhatsAppTemplates(
                TestSettings.at(server.url("/").toString()), accountId, new OkHttpClient(), clock);

        assertThatThrownBy(templates::approved)
                .isInstanceOf(TemplatesUnavailable.class)
                .hasMessageStartingWith("set WHATSAPP_ACCOUNT_ID to list templates");
        assertThat(server.getRequestCount()).isZero();
    }

    private WhatsAppTemplates templates() {
        return new WhatsAppTemplates(
                TestSettings.at(server.url("/").toString()), TestSettings.ACCOUNT_ID, new OkHttpClient(), clock);
    }

    private HttpUrl pageUrl() {
        return server.url("/v26.0/" + TestSettings.ACCOUNT_ID + "/message_templates")
                .newBuilder()
                .addQueryParameter("fields", TemplateListing.FIELDS)
                .addQueryParameter("limit", "100")
                .build();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}

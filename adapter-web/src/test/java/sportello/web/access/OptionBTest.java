package sportello.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.ports.fake.StubWebhookReader;
import sportello.ports.fake.TestMessages;
import sportello.web.Desk;
import sportello.web.Http;

/** With a password: a login page, server-side sessions, CSRF tokens, throttling; proxies are fine. */
class OptionBTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final WebAccess ACCESS =
            WebAccess.password("giulia", PASSWORD).withApiToken("s3cret-token-for-integrations");

    private final Desk desk = Desk.open(ACCESS);
    private final Http http = desk.http();

    @AfterEach
    void stop() {
        desk.close();
    }

    private HttpResponse<String> logIn(String username, String password, String... headers) throws Exception {
        var form = http.get("/login");
        var matcher = TOKEN.matcher(form.body());
        assertThat(matcher.find()).isTrue();
        return http.form(
                "/login",
                "_csrf=" + matcher.group(1) + "&next=%2Fdashboard%3Fq%3Dgiulia&username=" + username + "&password="
                        + password.replace(" ", "+"),
                headers);
    }

    private String sessionToken() throws Exception {
        var matcher = TOKEN.matcher(http.get("/dashboard").body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void withoutASession_pagesGoToTheLogin_andTheApiAnswers401() throws Exception {
        var page = http.get("/dashboard/conversations/abc?x=1", "Accept", "text/html");
        var htmx = http.get("/dashboard", "HX-Request", "true");
        var api = http.get("/api/conversations");
        var events = http.get("/dashboard/events", "Accept", "text/event-stream");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location"))
                .contains("/login?next=%2Fdashboard%2Fconversations%2Fabc%3Fx%3D1");
        assertThat(htmx.statusCode()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Redirect")).contains("/login");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(desk.json.readTree(api.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(events.statusCode()).isEqualTo(401);
    }

    @Test
    void login_setsAHardenedSessionCookie_andGoesWhereTheStaffWasGoing() throws Exception {
        var response = logIn("giulia", PASSWORD);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/dashboard?q=giulia");
        String cookie = Http.all(response, "Set-Cookie").stream()
                .filter(c -> c.startsWith("sportello_session="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
        assertThat(cookie.split(";")[0].length() - "sportello_session=".length())
                .isGreaterThanOrEqualTo(43);
        var dashboard = http.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<span class=\"user\">giulia</span>", "id=\"logout\"");
    }

    @Test
    void loginOverHttpsBehindAProxy_marksTheCookieSecure_andTheProxyIsAllowed() throws Exception {
        var response = logIn("giulia", PASSWORD, "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7");

        assertThat(Http.all(response, "Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("sportello_session=").contains("; Secure"));
        assertThat(http.get("/dashboard", "X-Forwarded-For", "203.0.113.7").statusCode())
                .isEqualTo(200);
    }

    @Test
    void loginWithoutTheFormToken_isRefused() throws Exception {
        http.get("/login");

        var response = http.form("/login", "username=giulia&password=" + PASSWORD.replace(" ", "+"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(http.cookie("sportello_session")).isNull();
    }

    @Test
    void wrongPassword_is401_andFiveFailuresLockOutForFifteenMinutes() throws Exception {
        for (int i = 0; i < 5; i++) {
            var wrong = logIn("giulia", "guess-" + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("Wrong username or password");
        }
        var locked = logIn("Giulia", PASSWORD, "Accept-Language", "en");
        desk.clock.advance(Duration.ofMinutes(15));
        var later = logIn("giulia", PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many failed attempts");
        assertThat(later.statusCode()).isEqualTo(303);
    }

    @Test
    void wrongUsername_isRefusedLikeAWrongPassword() throws Exception {
        var response = logIn("marco", PASSWORD);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void stateChangingCalls_needTheSessionsToken() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        logIn("giulia", PASSWORD);
        String token = sessionToken();
        String form = "/dashboard/conversations/" + id.value() + "/mode";
        String api = "/api/conversations/" + id.value() + "/profile";

        var formWithout = http.form(form, "mode=HUMAN", "HX-Request", "true");
        var formWith = http.form(form, "mode=HUMAN", "HX-Request", "true", "X-CSRF-Token", token);
        var apiWithout = http.put(api, "{\"fields\":{\"email\":\"giulia@example.it\"}}");
        var apiWith = http.put(api, "{\"fields\":{\"email\":\"giulia@example.it\"}}", "X-CSRF-Token", token);
        var apiRead = http.get("/api/conversations");

        assertThat(formWithout.statusCode()).isEqualTo(403);
        assertThat(formWith.statusCode()).isEqualTo(200);
        assertThat(apiWithout.statusCode()).isEqualTo(403);
        assertThat(apiWith.statusCode()).isEqualTo(200);
        assertThat(apiRead.statusCode()).isEqualTo(200);
    }

    @Test
    void erasingACustomer_needsTheSessionsToken_andTheAuditNamesTheStaffMember() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        logIn("giulia", PASSWORD);
        String token = sessionToken();
        String api = "/api/customers/" + id.value();
        String form = "/dashboard/conversations/" + id.value() + "/erase";

        var apiWithout = http.send(api, "DELETE");
        var formWithout = http.form(form, "confirm=ERASE");
        var exported = http.get(api + "/export");
        var apiWith = http.send(api, "DELETE", "X-CSRF-Token", token);

        assertThat(apiWithout.statusCode()).isEqualTo(403);
        assertThat(formWithout.statusCode()).isEqualTo(403);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(apiWith.statusCode()).isEqualTo(200);
        assertThat(desk.json.readTree(apiWith.body()).at("/erased/conversation").asInt())
                .isEqualTo(1);
        assertThat(desk.records.auditLog())
                .extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("export by giulia", "erase by giulia");
    }

    @Test
    void withTheApiToken_theAuditNamesTheToken_andNoSessionIsNeeded() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        var bearer = new String[] {"Authorization", "Bearer s3cret-token-for-integrations"};

        var exported = http.get("/api/customers/" + id.value() + "/export", bearer);
        var erased = http.send("/api/customers/" + id.value(), "DELETE", bearer);
        var withoutAnything = http.send("/api/customers/" + id.value(), "DELETE");

        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(withoutAnything.statusCode()).isEqualTo(401);
        assertThat(desk.records.auditLog())
                .extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("export by api-token", "erase by api-token");
    }

    @Test
    void sendingByApi_withTheSession_needsItsToken() throws Exception {
        desk.customerWrites(TestMessages.giulia(), "Ciao");
        logIn("giulia", PASSWORD);
        String token = sessionToken();
        String body = "{\"to\": \"+393331234567\", \"text\": \"Ecco\"}";

        var without = http.post("/api/messages", body);
        var with = http.post("/api/messages", body, "X-CSRF-Token", token);

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(with.statusCode()).isEqualTo(202);
    }

    @Test
    void sendingATemplateByApi_withTheSession_needsItsToken() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        logIn("giulia", PASSWORD);
        String token = sessionToken();
        String api = "/api/conversations/" + id.value() + "/templates";
        String body = "{\"name\": \"aggiornamento_ordine\", \"language\": \"it\", \"parameters\": [\"Giulia\", \"1\"]}";

        var list = http.get("/api/templates");
        var without = http.post(api, body);
        var with = http.post(api, body, "X-CSRF-Token", token);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(with.statusCode()).isEqualTo(202);
    }

    @Test
    void bearerToken_needsNoSessionAndNoCsrf() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");

        var response = http.put(
                "/api/conversations/" + id.value() + "/mode",
                "{\"mode\":\"HUMAN\"}",
                "Authorization",
                "Bearer s3cret-token-for-integrations");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void webhookAndHealth_areNeverBehindTheLogin() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        var health = http.get("/health", "X-Forwarded-For", "203.0.113.7");
        var webhook = http.post("/webhook", "{}", "X-Test-Signature", StubWebhookReader.sign(body));
        var handshake = http.get("/webhook?token=ok&challenge=42");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(handshake.body()).isEqualTo("42");
    }

    @Test
    void logout_endsTheSession() throws Exception {
        logIn("giulia", PASSWORD);
        String session = http.cookie("sportello_session");
        String token = sessionToken();

        var logout = http.form("/logout", "_csrf=" + token);
        http.cookies().put("sportello_session", session); // even a copy of the old cookie no longer works
        var after = http.get("/dashboard", "Accept", "text/html");

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).contains("/login");
        assertThat(after.statusCode()).isEqualTo(303);
    }

    @Test
    void aSessionIdleForTwelveHours_hasExpired() throws Exception {
        logIn("giulia", PASSWORD);
        desk.clock.advance(Duration.ofHours(11));
        var stillIn = http.get("/dashboard");
        desk.clock.advance(Duration.ofHours(12));

        var expired = http.get("/dashboard", "Accept", "text/html");

        assertThat(stillIn.statusCode()).isEqualTo(200);
        assertThat(expired.statusCode()).isEqualTo(303);
    }
}

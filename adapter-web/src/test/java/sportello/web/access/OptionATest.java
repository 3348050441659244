package sportello.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.ports.fake.TestMessages;
import sportello.web.Desk;
import sportello.web.Http;

/** Without credentials: the local network only, never through a proxy, never on another site's behalf. */
class OptionATest {

    private Desk desk = Desk.open();
    private Http http = desk.http();

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void dashboardThroughAProxyOrTunnel_isRefused() throws Exception {
        var forwarded = http.get("/dashboard", "X-Forwarded-For", "203.0.113.7", "Accept", "text/html");
        var forwardedStd = http.get("/dashboard/conversations/x", "Forwarded", "for=203.0.113.7");
        var events = http.get("/dashboard/events", "X-Real-IP", "203.0.113.7", "Accept", "text/event-stream");

        assertThat(forwarded.statusCode()).isEqualTo(403);
        assertThat(forwarded.body()).contains("proxy or tunnel");
        assertThat(forwardedStd.statusCode()).isEqualTo(403);
        assertThat(events.statusCode()).isEqualTo(403);
    }

    @Test
    void aForeignHostName_isRefused_soDnsRebindingCannotReadTheDashboard() throws Exception {
        assertThat(statusWithHost("evil.example:" + desk.app.port())).isEqualTo(403);
        assertThat(statusWithHost("sportello.local:" + desk.app.port())).isEqualTo(200);
        assertThat(statusWithHost("192.168.1.10:" + desk.app.port())).isEqualTo(200);
        assertThat(statusWithHost("localhost")).isEqualTo(200);
    }

    @Test
    void aPostThatAnotherSiteMadeTheBrowserSend_isRefused() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        String path = "/api/conversations/" + id.value() + "/mode";

        var fromOrigin = http.put(path, "{\"mode\":\"HUMAN\"}", "Origin", "https://evil.example");
        var crossSite = http.put(path, "{\"mode\":\"HUMAN\"}", "Sec-Fetch-Site", "cross-site");
        var sameOrigin = http.put(path, "{\"mode\":\"HUMAN\"}", "Origin", desk.base, "Sec-Fetch-Site", "same-origin");
        var script = http.put(path, "{\"mode\":\"BOT\"}");

        assertThat(fromOrigin.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertThat(script.statusCode()).isEqualTo(200);
    }

    @Test
    void aFormPostWithANullOrigin_isAccepted_onlyWhenTheBrowserVouchesForItsOrigin() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        String path = "/dashboard/conversations/" + id.value() + "/mode";
        http.get("/dashboard");
        String form = "mode=HUMAN&_csrf=" + http.cookie("sportello_csrf");

        var crossSite = http.form(path, form, "Origin", "null", "Sec-Fetch-Site", "cross-site");
        var unvouched = http.form(path, form, "Origin", "null");
        var foreignReferer = http.form(path, form, "Origin", "null", "Referer", "https://evil.example/");
        var sameOrigin = http.form(path, form, "Origin", "null", "Sec-Fetch-Site", "same-origin");

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(unvouched.statusCode()).isEqualTo(403);
        assertThat(unvouched.body()).contains("Origin: null");
        assertThat(foreignReferer.statusCode()).isEqualTo(403);
        assertThat(sameOrigin.statusCode()).isEqualTo(303);
        assertThat(desk.storage.byId(id).orElseThrow().mode().name()).isEqualTo("HUMAN");
    }

    @Test
    void anApiCallWithANullOrigin_andAReferrerOnThisHost_isAccepted() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        String path = "/api/conversations/" + id.value() + "/mode";

        var referred = http.put(path, "{\"mode\":\"HUMAN\"}", "Origin", "null", "Referer", desk.base + "/dashboard");
        var unvouched = http.put(path, "{\"mode\":\"BOT\"}", "Origin", "null");

        assertThat(referred.statusCode()).isEqualTo(200);
        assertThat(unvouched.statusCode()).isEqualTo(403);
        assertThat(desk.storage.byId(id).orElseThrow().mode().name()).isEqualTo("HUMAN");
    }

    @Test
    void dashboardFormsNeedTheirToken() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        String path = "/dashboard/conversations/" + id.value() + "/mode";
        http.get("/dashboard");
        String token = http.cookie("sportello_csrf");

        var without = http.form(path, "mode=HUMAN");
        var wrong = http.form(path, "mode=HUMAN&_csrf=guess");
        var with = http.form(path, "mode=HUMAN&_csrf=" + token);

        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(with.statusCode()).isEqualTo(303);
        assertThat(desk.storage.byId(id).orElseThrow().mode().name()).isEqualTo("HUMAN");
    }

    @Test
    void apiToken_opensTheApiFromAnywhere_withoutOpeningTheDashboard() throws Exception {
        desk.close();
        desk = Desk.open(WebAccess.localNetworkOnly().withApiToken("s3cret-token-for-integrations"));
        http = desk.http();

        var bearer = http.get(
                "/api/conversations",
                "Authorization",
                "Bearer s3cret-token-for-integrations",
                "X-Forwarded-For",
                "203.0.113.7");
        var wrong = http.get("/api/conversations", "Authorization", "Bearer nope", "X-Forwarded-For", "203.0.113.7");
        var none = http.get("/api/conversations", "X-Forwarded-For", "203.0.113.7");
        var dashboard = http.get(
                "/dashboard",
                "Authorization",
                "Bearer s3cret-token-for-integrations",
                "X-Forwarded-For",
                "203.0.113.7");

        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(desk.json.readTree(wrong.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(dashboard.statusCode()).isEqualTo(403);
    }

    @Test
    void everyAnswer_carriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {
            "/dashboard",
            "/api/conversations",
            "/health",
            "/static/sportello.css",
            "/static/dashboard.js",
            "/webjars/htmx.org/2.0.10/dist/htmx.min.js",
            "/no-such-page",
            "/login"
        }) {
            var response = http.get(path);
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("script-src 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
        assertThat(http.get("/static/dashboard.js").statusCode()).isEqualTo(200);
        assertThat(http.get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").statusCode())
                .isEqualTo(200);
        assertThat(http.get("/dashboard").headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void pagesHaveNoInlineScript() throws Exception {
        desk.customerWrites(TestMessages.giulia(), "Ciao");
        String id = desk.onlyConversation().value();

        for (String path : new String[] {"/dashboard", "/dashboard/conversations/" + id, "/dashboard/analytics"}) {
            String html = http.get(path).body();
            assertThat(html.split("<script").length - 1).as(path).isEqualTo(html.split("<script src=\"/").length - 1);
            assertThat(html).as(path).doesNotContain(" onclick=", " onload=", " style=\"");
        }
    }

    /** java.net.http refuses to set Host, so this request is written by hand. */
    private int statusWithHost(String host) throws IOException {
        try (var socket = new Socket("127.0.0.1", desk.app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /dashboard HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}

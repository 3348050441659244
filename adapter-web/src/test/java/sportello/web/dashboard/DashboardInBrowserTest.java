package sportello.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.MessageKind;
import sportello.domain.conversation.TemplateMessage;
import sportello.domain.customer.Customer;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Channel;
import sportello.web.Desk;
import sportello.web.FixedAnalytics;
import sportello.web.HeadlessChromium;
import sportello.web.TestFiles;
import sportello.web.access.WebAccess;

/**
 * The dashboard in a real Chromium: customers write through the webhook route, the use cases run on the
 * in-memory fakes, and the page is driven as staff would. One browser for the whole class, a fresh context per
 * test. Waiting is Playwright's: each expectation polls until it holds or its deadline passes.
 */
class DashboardInBrowserTest {

    private static HeadlessChromium chromium;
    private static Browser browser;

    private Desk desk;
    private BrowserContext context;
    private Page page;
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openDesk() {
        start(WebAccess.localNetworkOnly());
    }

    private void start(WebAccess access) {
        if (desk != null) {
            context.close();
            desk.close();
        }
        desk = Desk.openNow(access, FixedAnalytics.sample());
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
    }

    @AfterEach
    void closeDesk() {
        if (context != null) {
            context.close();
        }
        if (desk != null) {
            desk.close();
        }
        assertThat(dialogs).as("dialogs opened by the page").isEmpty();
        assertThat(policyViolations).as("Content-Security-Policy violations").isEmpty();
    }

    private void open(String path) {
        page.navigate(desk.base + path);
    }

    private void waitForLiveConnection() {
        PlaywrightAssertions.assertThat(page.locator("body")).hasAttribute("data-live-state", "connected");
    }

    @Test
    void aConversationFromTheWebhook_isListed_andNewOnesAppearWithoutReload() {
        desk.customerWrites(TestMessages.giulia(), "Buongiorno, vorrei un'informazione");

        open("/dashboard");
        waitForLiveConnection();
        page.evaluate("() => { window.sameDocument = true; }");
        desk.customerWrites(TestMessages.marco(), "Salve, il mio ordine 778899?");

        var list = page.locator("#conversation-list");
        PlaywrightAssertions.assertThat(list).containsText("Giulia Rossi");
        PlaywrightAssertions.assertThat(list).containsText("Echo: Buongiorno, vorrei un'informazione");
        PlaywrightAssertions.assertThat(list).containsText("Marco Bianchi");
        PlaywrightAssertions.assertThat(list).containsText("Salve, il mio ordine 778899?");
        assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
    }

    @Test
    void aConversationThatNeedsAttention_prefixesTheTitleAndChimes() {
        desk.customerWrites(TestMessages.giulia(), "Ciao");
        open("/dashboard");
        waitForLiveConnection();
        PlaywrightAssertions.assertThat(page).hasTitle("Conversations · Sportello");

        desk.channel.thenAnswer(new Channel.SendResult.Refused("131026 undeliverable", false));
        desk.deliverReplies();

        PlaywrightAssertions.assertThat(page).hasTitle("(1) Conversations · Sportello");
        PlaywrightAssertions.assertThat(page.locator("body")).hasAttribute("data-chimes", "1");
        PlaywrightAssertions.assertThat(page.locator("#conversation-list .needs-attention"))
                .containsText("Delivery failed: 131026 undeliverable");
    }

    @Test
    void takingOver_replying_andGivingBack() {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao, ho un problema");
        desk.deliverReplies();
        open("/dashboard/conversations/" + id.value());
        waitForLiveConnection();

        page.locator("#take-over").click();
        PlaywrightAssertions.assertThat(page.locator("#mode")).hasText("Staff");
        page.locator("#reply-text").fill("Ci penso io, Giulia!");
        page.locator("#send-reply").click();
        PlaywrightAssertions.assertThat(page.locator("#composer-sent")).isVisible();
        desk.deliverReplies();

        assertThat(desk.channel.sent().getLast().text()).isEqualTo("Ci penso io, Giulia!");
        PlaywrightAssertions.assertThat(page.locator(".message.staff .text")).hasText("Ci penso io, Giulia!");
        PlaywrightAssertions.assertThat(page.locator(".message.staff .ticks")).hasClass(Pattern.compile("sent"));

        int turns = desk.agent.turns().size();
        int sent = desk.channel.sent().size();
        desk.customerWrites(TestMessages.giulia(), "Grazie, aspetto");
        desk.deliverReplies();
        assertThat(desk.agent.turns()).hasSize(turns);
        assertThat(desk.channel.sent()).hasSize(sent);
        PlaywrightAssertions.assertThat(page.locator(".message.customer").last())
                .containsText("Grazie, aspetto");

        page.locator("#give-back").click();
        PlaywrightAssertions.assertThat(page.locator("#mode")).hasText("Bot");
        desk.customerWrites(TestMessages.giulia(), "Ancora una domanda");
        desk.deliverReplies();

        assertThat(desk.agent.turns()).hasSize(turns + 1);
        assertThat(desk.channel.sent().getLast().text()).isEqualTo("Echo: Ancora una domanda");
        PlaywrightAssertions.assertThat(page.locator(".message.bot .text").last())
                .hasText("Echo: Ancora una domanda");
    }

    @Test
    void withoutJavaScript_plainFormsTakeOverReplyAndGiveBack_evenWhenTheBrowserSendsNoReferrer() {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao, ho un problema");
        desk.deliverReplies();
        String conversation = desk.base + "/dashboard/conversations/" + id.value();
        try (var plain = browser.newContext(
                new Browser.NewContextOptions().setLocale("en-GB").setJavaScriptEnabled(false))) {
            plain.setDefaultTimeout(10_000);
            var formsOnly = plain.newPage();
            formsOnly.navigate(conversation);

            formsOnly.locator("#take-over").click();
            PlaywrightAssertions.assertThat(formsOnly.locator("#mode")).hasText("Staff");
            formsOnly.locator("#reply-text").fill("Ci penso io, Giulia!");
            formsOnly.locator("#send-reply").click();
            PlaywrightAssertions.assertThat(formsOnly.locator(".message.staff .text"))
                    .hasText("Ci penso io, Giulia!");
            desk.deliverReplies();

            assertThat(desk.storage.byId(id).orElseThrow().mode().name()).isEqualTo("HUMAN");
            assertThat(desk.channel.sent().getLast().text()).isEqualTo("Ci penso io, Giulia!");

            // privacy settings that strip referrers, as our own "no-referrer" policy once did: the form's
            // post then says "Origin: null", and only Sec-Fetch-Site: same-origin vouches for it
            formsOnly.route(conversation, route -> {
                var response = route.fetch();
                var headers = new HashMap<>(response.headers());
                headers.put("referrer-policy", "no-referrer");
                route.fulfill(new Route.FulfillOptions().setResponse(response).setHeaders(headers));
            });
            formsOnly.reload();
            var giveBack = formsOnly.waitForRequest(
                    request -> request.method().equals("POST"),
                    () -> formsOnly.locator("#give-back").click());

            assertThat(giveBack.headerValue("origin")).isEqualTo("null");
            PlaywrightAssertions.assertThat(formsOnly.locator("#mode")).hasText("Bot");
            assertThat(desk.storage.byId(id).orElseThrow().mode().name()).isEqualTo("BOT");
        }
    }

    @Test
    void closedWindow_aTemplateIsChosen_filledIn_andSent() {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao, a che punto è il mio ordine?");
        desk.deliverReplies();
        desk.clock.advance(Duration.ofHours(25));
        open("/dashboard/conversations/" + id.value());
        waitForLiveConnection();
        PlaywrightAssertions.assertThat(page.locator("#reply-text")).hasCount(0);

        page.locator("#template-choice").selectOption("aggiornamento_ordine:it");
        PlaywrightAssertions.assertThat(page.locator("#template-body"))
                .hasText("Ciao {{1}}, il tuo ordine {{2}} è in viaggio.");
        page.locator("#template-value-1").fill("Giulia");
        page.locator("#template-value-2").fill("58213");
        page.locator("#send-template").click();
        PlaywrightAssertions.assertThat(page.locator("#template-sent")).isVisible();
        desk.deliverReplies();

        assertThat(desk.channel.templates())
                .containsExactly(new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia", "58213")));
        var sent = page.locator(".message.staff").last();
        PlaywrightAssertions.assertThat(sent.locator(".text"))
                .hasText("Ciao Giulia, il tuo ordine 58213 è in viaggio.");
        PlaywrightAssertions.assertThat(sent.locator(".kind")).containsText("Template");
        PlaywrightAssertions.assertThat(sent.locator(".ticks")).hasClass(Pattern.compile("sent"));
    }

    @Test
    void aPhotoAndAVoiceNote_areShownInPlace_fromTheStoredFiles() {
        desk.files.publish("photo-1", "image/png", TestFiles.PNG).publish("voice-1", "audio/wav", TestFiles.WAV);
        var id = desk.customerSends(
                TestMessages.giulia(),
                MessageKind.IMAGE,
                "Ecco il pacco rotto",
                new Attachment("photo-1", "image/png", null));
        desk.customerSends(TestMessages.giulia(), MessageKind.AUDIO, "", new Attachment("voice-1", "audio/wav", null));

        open("/dashboard/conversations/" + id.value());

        var photo = page.locator(".message.customer .media img");
        PlaywrightAssertions.assertThat(photo).hasAttribute("alt", "Ecco il pacco rotto");
        PlaywrightAssertions.assertThat(photo).hasAttribute("src", "/api/media/photo-1");
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", photo.elementHandle());
        assertThat(photo.evaluate("img => [img.naturalWidth, img.naturalHeight]"))
                .isEqualTo(List.of(4, 3));
        var voice = page.locator(".message.customer .media audio");
        PlaywrightAssertions.assertThat(voice).hasAttribute("src", "/api/media/voice-1");
        PlaywrightAssertions.assertThat(voice).hasAttribute("controls", "");
        page.waitForFunction("audio => audio.readyState >= 1 && audio.duration > 0", voice.elementHandle());
    }

    @Test
    void aVoiceNoteBeingListenedTo_survivesALiveRefresh() {
        desk.files.publish("voice-1", "audio/wav", TestFiles.WAV);
        var id = desk.customerSends(
                TestMessages.giulia(), MessageKind.AUDIO, "", new Attachment("voice-1", "audio/wav", null));
        open("/dashboard/conversations/" + id.value());
        waitForLiveConnection();
        page.locator(".media audio").evaluate("audio => { audio.sportelloMarker = 'same element'; }");

        desk.customerWrites(TestMessages.giulia(), "Mi sentite?");

        PlaywrightAssertions.assertThat(page.locator(".message.customer .text").last())
                .hasText("Mi sentite?");
        assertThat(page.locator(".media audio").evaluate("audio => audio.sportelloMarker"))
                .isEqualTo("same element");
    }

    @Test
    void profileEdit_withAnInvalidEmail_showsTheErrorNextToTheField() {
        var id = desk.customerWrites(TestMessages.giulia(), "Sono Giulia Rossi");
        open("/dashboard/conversations/" + id.value());

        page.locator("#f_email").fill("giulia-at-example");
        page.locator("#save-profile").click();

        PlaywrightAssertions.assertThat(page.locator("#err_email")).containsText("not a valid e-mail address");
        PlaywrightAssertions.assertThat(page.locator("#f_email")).hasValue("giulia-at-example");
        assertThat(desk.storage.byId(id).orElseThrow().profile().value("email")).isEmpty();

        page.locator("#f_email").fill("giulia@example.it");
        page.locator("#save-profile").click();

        PlaywrightAssertions.assertThat(page.locator("#profile-saved")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#profile")).containsText("Entered by staff");
    }

    @Test
    void erasingACustomer_asksForConfirmation_andTheConversationLeavesTheList() {
        var giulia = desk.customerWrites(TestMessages.giulia(), "Buongiorno, cancellate i miei dati");
        desk.customerWrites(TestMessages.marco(), "Salve");
        open("/dashboard");
        PlaywrightAssertions.assertThat(page.locator("#row-" + giulia.value())).isVisible();

        page.locator("#row-" + giulia.value() + " .name").click();
        page.locator("#erase-customer").click();
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Erase Giulia Rossi?");
        page.locator("#erase-confirm").fill("Giulia");
        page.locator("#erase-confirmed").click();
        PlaywrightAssertions.assertThat(page.locator("#erase-error")).containsText("nothing was erased");
        assertThat(desk.records.isErased(giulia)).isFalse();

        page.locator("#erase-confirm").fill("ERASE");
        page.locator("#erase-confirmed").click();

        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("/dashboard\\?erased=1$"));
        PlaywrightAssertions.assertThat(page.locator("#list-notice")).containsText("data has been erased");
        PlaywrightAssertions.assertThat(page.locator("#row-" + giulia.value())).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("#conversation-list")).containsText("Marco Bianchi");
        PlaywrightAssertions.assertThat(page.locator("#conversation-list"))
                .not()
                .containsText("Giulia");
        assertThat(desk.records.auditLog())
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("local-network"));
    }

    @Test
    void analytics_drawsItsChartsFromTheReport() {
        open("/dashboard/analytics");

        PlaywrightAssertions.assertThat(page.locator("canvas[data-rendered=true]"))
                .hasCount(6);
        var conversations = page.evaluate(
                "() => Chart.getChart(document.querySelector('#chart-conversations canvas')).data.datasets[0].data");
        var bot = page.evaluate(
                "() => Chart.getChart(document.querySelector('#chart-response-times canvas')).data.datasets[0].data");
        assertThat(conversations).isEqualTo(List.of(5, 8, 3));
        assertThat(bot).isEqualTo(List.of(10, 20));
        PlaywrightAssertions.assertThat(page.locator(".stats")).containsText("50 %");
        assertThat(page.locator("#csv").getAttribute("href")).startsWith("/dashboard/analytics.csv?from=");
    }

    @Test
    void aCustomerNamedLikeAScript_isShownAsText() {
        var id = desk.customerWrites(
                Customer.of(null, "393330000001", "<script>alert(1)</script>"), "<img src=x onerror=alert(2)>");

        open("/dashboard");
        PlaywrightAssertions.assertThat(page.locator("#row-" + id.value() + " .name"))
                .hasText("<script>alert(1)</script>");
        open("/dashboard/conversations/" + id.value());
        PlaywrightAssertions.assertThat(page.locator("#customer-name")).hasText("<script>alert(1)</script>");
        PlaywrightAssertions.assertThat(page.locator(".message.customer .text"))
                .hasText("<img src=x onerror=alert(2)>");
        PlaywrightAssertions.assertThat(page).hasTitle("<script>alert(1)</script> · Sportello");
    }

    @Test
    void withAPassword_staffLogInAndOut_andAPostWithoutTheTokenIsRefused() {
        start(WebAccess.password("giulia", "correct horse battery staple"));
        var id = desk.customerWrites(TestMessages.marco(), "Buongiorno");

        open("/dashboard");
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("/login\\?next="));
        page.locator("#username").fill("giulia");
        page.locator("#password").fill("wrong password");
        page.locator("#login").click();
        PlaywrightAssertions.assertThat(page.locator("#login-error")).containsText("Wrong username or password");
        page.locator("#password").fill("correct horse battery staple");
        page.locator("#login").click();
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("/dashboard$"));
        PlaywrightAssertions.assertThat(page.locator("#conversation-list")).containsText("Marco Bianchi");

        Object status = page.evaluate(
                "async (path) => (await fetch(path, {method: 'POST',"
                        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'mode=HUMAN'})).status",
                "/dashboard/conversations/" + id.value() + "/mode");
        assertThat(status).isEqualTo(403);
        assertThat(desk.storage.byId(id).orElseThrow().mode().name()).isEqualTo("BOT");

        page.locator("#logout").click();
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("/login$"));
        open("/dashboard");
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("/login\\?next="));
    }
}

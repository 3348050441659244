package sportello.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.ConversationId;
import sportello.domain.customer.Customer;
import sportello.web.Desk;
import sportello.web.HeadlessChromium;
import sportello.web.access.WebAccess;

/**
 * The simulator in a real Chromium, in demo mode: a person writes as a customer on the simulated phone, the inbox
 * is processed and replies are delivered by calling the use cases (the background loops of the app), and the
 * phone and the dashboard are watched as people would. One browser for the class, a fresh context per test;
 * waiting is Playwright's, each expectation polling until it holds or its deadline passes.
 */
class SimulatorInBrowserTest {

    private static final String GIULIA = "393331234567";
    private static final String MARCO = "393387654321";
    private static HeadlessChromium chromium;
    private static Browser browser;

    private Desk desk;
    private BrowserContext context;
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
        desk = Desk.demoNow(WebAccess.localNetworkOnly());
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        context.setDefaultTimeout(10_000);
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

    private Page open(String path) {
        var page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        page.navigate(desk.base + path);
        PlaywrightAssertions.assertThat(page.locator("body")).hasAttribute("data-live-state", "connected");
        return page;
    }

    private static void write(Page phone, String text) {
        phone.locator("#phone-text").fill(text);
        phone.locator("#phone-send").click();
        PlaywrightAssertions.assertThat(phone.locator(".bubble.customer").last())
                .containsText(text);
        // stored in the inbox before the phone shows two ticks
        PlaywrightAssertions.assertThat(phone.locator(".bubble.customer").last())
                .hasAttribute("data-state", Pattern.compile("delivered|read"));
    }

    private ConversationId conversationOf(String phone) {
        return desk.storage
                .byCustomer(Customer.of(null, phone, null))
                .orElseThrow()
                .id();
    }

    @Test
    void aCustomerWrites_theBotsReplyAppearsWithoutReload_andTheDashboardShowsItRead() {
        var phone = open("/simulator");
        PlaywrightAssertions.assertThat(phone.locator("#phone-name")).hasText("Giulia");
        PlaywrightAssertions.assertThat(phone.locator("#open-dashboard")).hasAttribute("href", "/dashboard");
        phone.evaluate("() => { window.sameDocument = true; }");

        write(phone, "Buongiorno, avete la taglia M?");
        assertThat(desk.storage.pendingCount()).isEqualTo(1);
        desk.processInbox();

        PlaywrightAssertions.assertThat(phone.locator(".bubble.customer .ticks"))
                .hasClass(Pattern.compile("\\bread\\b"));
        desk.deliverReplies();
        PlaywrightAssertions.assertThat(phone.locator(".bubble.business .text"))
                .hasText("Echo: Buongiorno, avete la taglia M?");
        assertThat(phone.evaluate("() => window.sameDocument === true")).isEqualTo(true);

        var dashboard = open("/dashboard");
        PlaywrightAssertions.assertThat(dashboard.locator("#conversation-list")).containsText("Giulia");
        PlaywrightAssertions.assertThat(dashboard.locator("#conversation-list"))
                .containsText("Echo: Buongiorno, avete la taglia M?");
        dashboard.navigate(
                desk.base + "/dashboard/conversations/" + conversationOf(GIULIA).value());
        PlaywrightAssertions.assertThat(dashboard.locator(".message.customer .text"))
                .hasText("Buongiorno, avete la taglia M?");
        PlaywrightAssertions.assertThat(dashboard.locator(".message.bot .ticks"))
                .hasClass(Pattern.compile("\\bread\\b"));
        PlaywrightAssertions.assertThat(dashboard.locator(".message.bot .ticks"))
                .hasText("✓✓");
    }

    @Test
    void twoCustomersAtOnce_keepTheirOwnChats() {
        var phone = open("/simulator");
        phone.locator("#sim-name").fill("Marco");
        phone.locator("#sim-phone").fill("+39 338 765 4321");
        phone.locator("#sim-add").click();
        PlaywrightAssertions.assertThat(phone.locator("#chat-" + MARCO)).hasClass(Pattern.compile("\\bactive\\b"));
        PlaywrightAssertions.assertThat(phone.locator("#phone-name")).hasText("Marco");
        write(phone, "Sono Marco, il mio ordine 778899?");

        phone.locator("#chat-" + GIULIA).click();
        PlaywrightAssertions.assertThat(phone.locator("#phone-name")).hasText("Giulia");
        write(phone, "Sono Giulia");
        desk.processInbox();
        desk.deliverReplies();

        PlaywrightAssertions.assertThat(phone.locator(".bubble .text"))
                .hasText(new String[] {"Sono Giulia", "Echo: Sono Giulia"});
        PlaywrightAssertions.assertThat(phone.locator("#chat-" + MARCO + " .unread"))
                .hasText("1");
        phone.locator("#chat-" + MARCO).click();
        PlaywrightAssertions.assertThat(phone.locator(".bubble .text"))
                .hasText(new String[] {"Sono Marco, il mio ordine 778899?", "Echo: Sono Marco, il mio ordine 778899?"});
        PlaywrightAssertions.assertThat(phone).hasURL(Pattern.compile("/simulator\\?chat=" + MARCO + "$"));

        var dashboard = open("/dashboard");
        PlaywrightAssertions.assertThat(dashboard.locator("#conversation-list")).containsText("Giulia");
        PlaywrightAssertions.assertThat(dashboard.locator("#conversation-list")).containsText("Marco");
        assertThat(conversationOf(GIULIA)).isNotEqualTo(conversationOf(MARCO));
    }

    @Test
    void aStaffReplyTypedOnTheDashboard_reachesThePhone_andShowsRead() {
        var phone = open("/simulator?chat=" + GIULIA);
        write(phone, "Posso parlare con una persona?");
        desk.processInbox();
        desk.deliverReplies();
        PlaywrightAssertions.assertThat(phone.locator(".bubble.business")).hasCount(1);

        var dashboard =
                open("/dashboard/conversations/" + conversationOf(GIULIA).value());
        dashboard.locator("#take-over").click();
        PlaywrightAssertions.assertThat(dashboard.locator("#mode")).hasText("Staff");
        dashboard.locator("#reply-text").fill("Sono Anna del negozio, mi dica!");
        dashboard.locator("#send-reply").click();
        PlaywrightAssertions.assertThat(dashboard.locator("#composer-sent")).isVisible();
        desk.deliverReplies();

        PlaywrightAssertions.assertThat(phone.locator(".bubble.business .text").last())
                .hasText("Sono Anna del negozio, mi dica!");
        PlaywrightAssertions.assertThat(dashboard.locator(".message.staff .ticks"))
                .hasClass(Pattern.compile("\\bread\\b"));
    }

    @Test
    void aCustomerNamedLikeAScript_isShownAsText() {
        var phone = open("/simulator");
        phone.locator("#sim-name").fill("<img src=x onerror=alert(1)>");
        phone.locator("#sim-phone").fill("+39 340 000 0001");
        phone.locator("#sim-add").click();
        PlaywrightAssertions.assertThat(phone.locator("#chat-393400000001")).hasClass(Pattern.compile("\\bactive\\b"));

        write(phone, "<script>alert(2)</script>");

        PlaywrightAssertions.assertThat(phone.locator("#phone-name")).hasText("<img src=x onerror=alert(1)>");
        PlaywrightAssertions.assertThat(phone.locator(".bubble.customer .text")).hasText("<script>alert(2)</script>");
    }
}

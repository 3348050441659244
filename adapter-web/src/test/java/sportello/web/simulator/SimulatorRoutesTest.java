package sportello.web.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.ConversationId;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Message;
import sportello.domain.customer.Customer;
import sportello.web.Desk;
import sportello.web.Http;
import sportello.web.access.WebAccess;

/** The simulator's routes over real HTTP, on the in-memory fakes, with the simulator as the channel. */
class SimulatorRoutesTest {

    private static final String GIULIA = "/simulator/chats/393331234567";

    private Desk desk = Desk.demo(WebAccess.localNetworkOnly());
    private Http http = desk.http();

    @AfterEach
    void stop() {
        desk.close();
    }

    private String csrf() throws Exception {
        if (http.cookie("sportello_csrf") == null) {
            http.get("/simulator");
        }
        return http.cookie("sportello_csrf");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.post(path, json, "Content-Type", "application/json", "X-CSRF-Token", csrf());
    }

    private JsonNode getJson(String path) throws Exception {
        var response = http.get(path, "Accept", "application/json");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return desk.json.readTree(response.body());
    }

    private JsonNode messages(String chat) throws Exception {
        return getJson(chat).path("messages");
    }

    private Message botMessage(ConversationId id) {
        return desk.storage.byId(id).orElseThrow().messages().stream()
                .filter(m -> m.author() == Author.BOT)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private ConversationId conversationOf(String phone) {
        return desk.storage
                .byCustomer(Customer.of(null, phone, null))
                .orElseThrow()
                .id();
    }

    @Test
    void thePage_inDemoMode_isAPhoneDrivenByItsOwnScript_andLinksTheDashboard() throws Exception {
        var page = http.get("/simulator", "Accept-Language", "it-IT,it;q=0.9");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Simulatore WhatsApp", "<script src=\"/static/simulator.js\" defer></script>")
                .contains("href=\"/dashboard\"", "id=\"phone-messages\"", "id=\"sim-new\"")
                .contains("data-csrf=\"" + http.cookie("sportello_csrf") + "\"");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)")
                        .matcher(page.body())
                        .find())
                .as("no inline script")
                .isFalse();
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(http.get("/dashboard").body()).contains("id=\"nav-simulator\"");
    }

    @Test
    void withoutDemoMode_thereIsNoSimulator() throws Exception {
        desk.close();
        desk = Desk.open();
        http = desk.http();

        assertThat(http.get("/simulator").statusCode()).isEqualTo(404);
        assertThat(http.get("/simulator/chats").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/demo/messages", "{\"from\":\"+393331234567\",\"text\":\"Ciao\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/dashboard").body()).doesNotContain("nav-simulator");
    }

    @Test
    void giulia_isTheCustomerReadyToWrite() throws Exception {
        var chats = getJson("/simulator/chats").path("chats");

        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).path("phone").asText()).isEqualTo("393331234567");
        assertThat(chats.get(0).path("number").asText()).isEqualTo("+393331234567");
        assertThat(chats.get(0).path("name").asText()).isEqualTo("Giulia");
    }

    @Test
    void aCustomerWrites_theMessageIsStoredInTheInbox_andShowsDelivered() throws Exception {
        var response = post(GIULIA + "/messages", "{\"text\":\"Buongiorno, avete la taglia M?\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(desk.json.readTree(response.body()).path("state").asText()).isEqualTo("delivered");
        var pending = desk.storage.pending(10);
        assertThat(pending).hasSize(1);
        var message = pending.getFirst().message();
        assertThat(message.channelAccount()).isEqualTo(SimulatorWebhookReader.ACCOUNT);
        assertThat(message.customer().phone()).isEqualTo("393331234567");
        assertThat(message.customer().displayName()).isEqualTo("Giulia");
        assertThat(message.text()).isEqualTo("Buongiorno, avete la taglia M?");
        assertThat(messages(GIULIA).get(0).path("from").asText()).isEqualTo("customer");
    }

    @Test
    void theBotAnswers_onThePhone_deliveredAtOnce_andReadWhenTheChatIsOnScreen() throws Exception {
        post(GIULIA + "/messages", "{\"text\":\"Ciao\"}");

        desk.processInbox();
        desk.deliverReplies();

        var shown = messages(GIULIA);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).path("state").asText()).as("the bot read it").isEqualTo("read");
        assertThat(shown.get(1).path("from").asText()).isEqualTo("business");
        assertThat(shown.get(1).path("text").asText()).isEqualTo("Echo: Ciao");
        var id = conversationOf("393331234567");
        assertThat(botMessage(id).delivery().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(getJson("/simulator/chats")
                        .path("chats")
                        .get(0)
                        .path("unread")
                        .asInt())
                .isEqualTo(1);

        var read = post(GIULIA + "/read", "{}");

        assertThat(desk.json.readTree(read.body()).path("read").asInt()).isEqualTo(1);
        assertThat(botMessage(id).delivery().state()).isEqualTo(DeliveryState.READ);
        assertThat(desk.json
                        .readTree(post(GIULIA + "/read", "{}").body())
                        .path("read")
                        .asInt())
                .isZero();
    }

    @Test
    void staffReplies_reachThePhoneToo() throws Exception {
        post(GIULIA + "/messages", "{\"text\":\"Posso parlare con una persona?\"}");
        desk.processInbox();
        desk.deliverReplies();
        var id = conversationOf("393331234567");

        var queued = http.post(
                "/api/conversations/" + id.value() + "/messages",
                "{\"text\":\"Sono Anna del negozio, mi dica!\"}",
                "Content-Type",
                "application/json");
        desk.deliverReplies();

        assertThat(queued.statusCode()).isEqualTo(202);
        var shown = messages(GIULIA);
        assertThat(shown.get(shown.size() - 1).path("text").asText()).isEqualTo("Sono Anna del negozio, mi dica!");
        var staff = desk.storage.byId(id).orElseThrow().messages().getLast();
        assertThat(staff.author()).isEqualTo(Author.STAFF);
        assertThat(staff.delivery().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void twoCustomers_keepTheirOwnChats() throws Exception {
        var created = post("/simulator/chats", "{\"name\":\"Marco\",\"phone\":\"+39 338 765 4321\"}");
        post(GIULIA + "/messages", "{\"text\":\"Sono Giulia\"}");
        post("/simulator/chats/393387654321/messages", "{\"text\":\"Sono Marco\"}");

        desk.processInbox();
        desk.deliverReplies();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(messages(GIULIA))
                .extracting(m -> m.path("text").asText())
                .containsExactly("Sono Giulia", "Echo: Sono Giulia");
        assertThat(messages("/simulator/chats/393387654321"))
                .extracting(m -> m.path("text").asText())
                .containsExactly("Sono Marco", "Echo: Sono Marco");
        assertThat(conversationOf("393331234567")).isNotEqualTo(conversationOf("393387654321"));
        assertThat(getJson("/simulator/chats").path("chats"))
                .extracting(c -> c.path("name").asText())
                .containsExactly("Giulia", "Marco");
    }

    @Test
    void wrongInput_isRefusedWithAReason() throws Exception {
        var badPhone = post("/simulator/chats", "{\"name\":\"Marco\",\"phone\":\"chiamami\"}");
        var noName = post("/simulator/chats", "{\"name\":\" \",\"phone\":\"+39 338 765 4321\"}");
        var blank = post(GIULIA + "/messages", "{\"text\":\"   \"}");
        var tooLong = post(GIULIA + "/messages", "{\"text\":\"" + "a".repeat(4097) + "\"}");
        var notJson = post(GIULIA + "/messages", "ciao");
        var unknown = post("/simulator/chats/390000000000/messages", "{\"text\":\"Ciao\"}");

        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(badPhone.body()).contains("+39 333 123 4567");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(http.get("/simulator/chats/abc").statusCode()).isEqualTo(404);
        assertThat(desk.storage.pendingCount()).isZero();
    }

    @Test
    void theSimulator_answersOnlyTheLocalNetwork_andItsPostsNeedTheToken() throws Exception {
        var throughProxy = http.get("/simulator", "X-Forwarded-For", "203.0.113.7");
        var withoutToken = http.post(GIULIA + "/messages", "{\"text\":\"Ciao\"}", "Content-Type", "application/json");
        var fromAnotherSite = http.post(
                GIULIA + "/messages",
                "{\"text\":\"Ciao\"}",
                "Content-Type",
                "application/json",
                "X-CSRF-Token",
                csrf(),
                "Sec-Fetch-Site",
                "cross-site");

        assertThat(throughProxy.statusCode()).isEqualTo(403);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(fromAnotherSite.statusCode()).isEqualTo(403);
        assertThat(desk.storage.pendingCount()).isZero();
    }

    @Test
    void withALogin_theSimulatorIsBehindIt_andTheLoginComesBackToIt() throws Exception {
        desk.close();
        desk = Desk.demo(WebAccess.password("giulia", "correct horse battery staple"));
        http = desk.http();

        var page = http.get("/simulator?chat=393331234567", "Accept", "text/html");
        var json = http.get("/simulator/chats", "Accept", "application/json");
        var form = http.get("/login");
        var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        var login = http.form(
                "/login",
                "_csrf=" + token.group(1)
                        + "&next=%2Fsimulator%3Fchat%3D393331234567&username=giulia&password=correct+horse+battery+staple");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Fsimulator%3Fchat%3D393331234567");
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(login.headers().firstValue("Location")).contains("/simulator?chat=393331234567");
        assertThat(http.get("/simulator").body()).contains("id=\"logout\"");
    }

    @Test
    void theDemoApi_stillStoresMessages_andTheyShowOnThatCustomersPhone() throws Exception {
        var response = http.post(
                "/api/demo/messages",
                "{\"from\": \"+39 347 123 4567\", \"name\": \"Anna\", \"text\": \"Siete aperti domenica?\"}",
                "Content-Type",
                "application/json");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(desk.json.readTree(response.body()).path("status").asText()).isEqualTo("stored");
        assertThat(desk.storage.pending(10).getFirst().message().customer())
                .isEqualTo(Customer.of(null, "393471234567", "Anna"));
        desk.processInbox();
        desk.deliverReplies();
        assertThat(messages("/simulator/chats/393471234567"))
                .extracting(m -> m.path("text").asText())
                .containsExactly("Siete aperti domenica?", "Echo: Siete aperti domenica?");
    }

    @Test
    void theDemoApi_withoutASender_isABadRequest() throws Exception {
        var response = http.post("/api/demo/messages", "{\"text\": \"Ciao\"}", "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(desk.json.readTree(response.body()).path("message").asText()).contains("\"from\"");
        assertThat(desk.storage.pendingCount()).isZero();
    }
}

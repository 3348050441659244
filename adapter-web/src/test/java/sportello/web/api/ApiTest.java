package sportello.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.ports.fake.TestMessages;
import sportello.ports.out.Channel;
import sportello.web.Desk;
import sportello.web.Http;

class ApiTest {

    private final Desk desk = Desk.open();
    private final Http http = desk.http();

    @AfterEach
    void stop() {
        desk.close();
    }

    private JsonNode json(String body) throws Exception {
        return desk.json.readTree(body);
    }

    @Test
    void list_filtersPagesAndCountsInAHeader() throws Exception {
        desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.customerWrites(TestMessages.marco(), "Buongiorno");
        desk.customerWrites(TestMessages.chiara(), "Salve");

        var firstPage = http.get("/api/conversations?limit=2&offset=0");
        var byName = json(http.get("/api/conversations?q=marco").body());
        var incomplete = http.get("/api/conversations?complete=false&window=open&mode=BOT");
        var none = http.get("/api/conversations?complete=true");

        assertThat(json(firstPage.body())).hasSize(2);
        assertThat(firstPage.headers().firstValue("X-Total-Count")).contains("3");
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).path("name").asText()).isEqualTo("Marco Bianchi");
        assertThat(json(incomplete.body())).hasSize(3);
        assertThat(json(none.body())).isEmpty();
        assertThat(none.headers().firstValue("X-Total-Count")).contains("0");
    }

    @Test
    void listItems_haveUnreadWindowAndAttention() throws Exception {
        desk.customerWrites(TestMessages.giulia(), "Ciao");
        desk.channel.thenAnswer(new Channel.SendResult.Refused("bad recipient", false));
        desk.deliverReplies();

        JsonNode item =
                json(http.get("/api/conversations?attention=true").body()).get(0);

        assertThat(item.path("unread").asInt()).isEqualTo(1);
        assertThat(item.path("windowOpen").asBoolean()).isTrue();
        assertThat(item.path("needsAttention").asBoolean()).isTrue();
        assertThat(item.path("attentionReason").asText()).isEqualTo("Delivery failed: bad recipient");
    }

    @Test
    void listWithAnUnknownFilterValue_is400SayingWhatIsAllowed() throws Exception {
        var mode = http.get("/api/conversations?mode=ROBOT");
        var window = http.get("/api/conversations?window=maybe");
        var limit = http.get("/api/conversations?limit=zero");

        assertThat(mode.statusCode()).isEqualTo(400);
        assertThat(json(mode.body()).path("message").asText()).contains("BOT", "HUMAN");
        assertThat(json(window.body()).path("message").asText()).contains("open or closed");
        assertThat(json(limit.body()).path("error").asText()).isEqualTo("bad_request");
    }

    @Test
    void profileEdit_savesAndAnswersTheProfile() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");

        var response = http.put(
                "/api/conversations/" + id.value() + "/profile",
                "{\"fields\": {\"email\": \"giulia@example.it\", \"orderNumber\": \"AB-12345\", \"phone\": null}}");

        assertThat(response.statusCode()).isEqualTo(200);
        var profile = json(response.body());
        assertThat(profile.at("/fields/email").asText()).isEqualTo("giulia@example.it");
        assertThat(profile.at("/sources/email/messageId").asText()).isEqualTo("staff");
        assertThat(profile.path("missing").toString()).contains("name");
    }

    @Test
    void profileEdit_withInvalidValues_is400PerField_andSavesNothing() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");

        var response = http.put(
                "/api/conversations/" + id.value() + "/profile",
                "{\"fields\": {\"email\": \"not-an-email\", \"orderNumber\": \"AB-12345\", \"shoeSize\": \"42\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        var error = json(response.body());
        assertThat(error.path("error").asText()).isEqualTo("invalid_profile");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.at("/fields/email").asText()).contains("not a valid e-mail");
        assertThat(error.at("/fields/shoeSize").asText()).contains("unknown profile field");
        assertThat(desk.storage.byId(id).orElseThrow().profile().value("orderNumber"))
                .isEmpty();
    }

    @Test
    void profileEdit_withABadBody_is400_andUnknownIdIs404() throws Exception {
        var id = desk.customerWrites(TestMessages.giulia(), "Ciao");
        String path = "/api/conversations/" + id.value() + "/profile";

        var noFields = http.put(path, "{\"email\": \"giulia@example.it\"}");
        var number = http.put(path, "{\"fields\": {\"orderNumber\": 12345}}");
        var notJson = http.put(path, "email=giulia");
        var unknown = http.put("/api/conversations/nope/profile", "{\"fields\": {}}");

        assertThat(noFields.statusCode()).isEqualTo(400);
        assertThat(json(noFields.body()).path("message").asText()).contains("\"fields\"");
        assertThat(json(number.body()).path("message").asText()).contains("orderNumber", "string");
        assertThat(json(notJson.body()).path("message").asText()).contains("not valid JSON");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void analytics_lastThirtyDaysByDefault_withTheDocumentedFields() throws Exception {
        var response = http.get("/api/analytics");

        assertThat(response.statusCode()).isEqualTo(200);
        var report = json(response.body());
        assertThat(report.path("from").asText()).isEqualTo("2026-10-27");
        assertThat(report.path("to").asText()).isEqualTo("2026-11-25");
        assertThat(report.at("/conversationsPerDay/1/date").asText()).isEqualTo("2026-11-24");
        assertThat(report.at("/conversationsPerDay/1/count").asLong()).isEqualTo(8);
        assertThat(report.path("profileCompletionRate").asDouble()).isEqualTo(0.5);
        assertThat(report.path("avgFirstResponseSeconds").asDouble()).isCloseTo(160.0 / 6, within());
        assertThat(report.path("p90FirstResponseSeconds").asDouble()).isEqualTo(90.0);
        assertThat(report.at("/bot/averageSeconds").asDouble()).isEqualTo(10.0);
        assertThat(report.at("/staff/samples").asLong()).isEqualTo(2);
        assertThat(report.at("/handoffs/0/reason").asText()).isEqualTo("Handoff requested: refund");
        assertThat(report.at("/messagesByKind/TEXT").asLong()).isEqualTo(40);
        assertThat(report.at("/usagePerDay/0/date").asText()).isEqualTo("2026-11-24");
        assertThat(report.at("/usagePerDay/0/costUsd").decimalValue()).isEqualByComparingTo("0.0123");
    }

    @Test
    void analytics_daysOutOfRange_is400() throws Exception {
        var zero = http.get("/api/analytics?days=0");
        var text = http.get("/api/analytics?days=many");
        var seven = http.get("/api/analytics?days=7");

        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json(zero.body()).path("message").asText()).contains("between 1 and 366");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(json(seven.body()).path("from").asText()).isEqualTo("2026-11-19");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.001);
    }
}

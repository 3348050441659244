package sportello.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Author;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.Message;
import sportello.domain.conversation.MessageKind;
import sportello.domain.profile.ProfileSchema;
import sportello.openai.wire.Turn;
import sportello.ports.fake.RecordingAgentTools;

/** Photos the customer just sent go to models that see images as input_image parts (reference §4). */
class OpenAiReplyAgentPhotosTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T16:05:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AgentSetup setup = new AgentSetup(server);
    private final PhotoConversations photos = new PhotoConversations();

    @Test
    void photosBeingAnswered_goAsInputImageParts_toAModelThatSeesImages() throws Exception {
        Conversation conversation = photos.brokenVase();

        JsonNode input = send(conversation, setup.settings()).get("input");

        JsonNode fixture = JSON.readTree(Fixtures.read("photos/request-photo-turn-input.json"));
        assertThat(input).isEqualTo(fixture.get("input"));
    }

    @Test
    void modelThatReadsTextOnly_getsTheCaptions_asPlainStrings() throws Exception {
        Conversation conversation = photos.brokenVase();

        JsonNode input =
                send(conversation, setup.settings().withModel("o3-mini")).get("input");

        assertThat(contents(input))
                .containsExactly(
                        "Questo è il vaso che ho ordinato",
                        "Sì, è il vaso Mare in blu: arriva in 3–5 giorni lavorativi.",
                        "Mi è arrivato, ma è rotto.",
                        "Ecco il vaso",
                        "Come posso fare il reso?"); // the photo without a caption has nothing to say as text
    }

    @Test
    void assistantTurns_neverCarryInputTextOrInputImageParts() throws Exception {
        JsonNode input = send(photos.brokenVase(), setup.settings()).get("input");

        for (JsonNode item : input) {
            if (item.get("role").asText().equals("assistant")) {
                assertThat(item.get("content").isTextual()).as(item.toString()).isTrue();
            }
        }
        var image = new Turn.Image("image/jpeg", "AAAA");
        assertThatThrownBy(() -> new Turn.Utterance(Turn.Role.ASSISTANT, "Ecco", List.of(image)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutMediaStorage_photosAreTheirCaptions() throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());

        setup.agent(setup.settings())
                .answer(photos.brokenVase(), ProfileSchema.standard(), NOW, new RecordingAgentTools());

        assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).get("input"))
                .allSatisfy(item -> assertThat(item.get("content").isTextual()).isTrue());
    }

    @Test
    void photosNotStored_tooBig_orOfATypeOpenAiDoesNotRead_stayTheirCaptions() throws Exception {
        photos.store("media-heic", "image/heic", PhotoConversations.JPEG);
        photos.store("media-big", "image/jpeg", new byte[(int) Photos.MAX_BYTES + 1]);
        var conversation = TestConversations.withProfile(
                List.of(
                        PhotoConversations.photo(0, "media-heic", "image/heic", "foto iPhone"),
                        PhotoConversations.photo(10, "media-big", "image/jpeg", "foto enorme"),
                        PhotoConversations.photo(20, "media-gone", "image/jpeg", "foto scaduta")),
                Map.of());

        JsonNode input = send(conversation, setup.settings()).get("input");

        assertThat(contents(input)).containsExactly("foto iPhone", "foto enorme", "foto scaduta");
    }

    @Test
    void manyPhotosAtOnce_onlyTheNewestFourGoAsImages() throws Exception {
        var roomForAll = setup.settings().withHistoryTokenBudget(8000); // else the budget summarises older captions

        JsonNode input = send(photos.photosInARow(6), roomForAll).get("input");

        assertThat(input.get(0).get("content").asText()).isEqualTo("foto 0");
        assertThat(input.get(1).get("content").asText()).isEqualTo("foto 1");
        for (int i = 2; i < 6; i++) {
            JsonNode parts = input.get(i).get("content");
            assertThat(parts.get(0).get("text").asText()).isEqualTo("foto " + i);
            assertThat(parts.get(1).get("image_url").asText())
                    .isEqualTo("data:image/jpeg;base64,"
                            + Base64.getEncoder().encodeToString(PhotoConversations.jpegNumbered(i)));
        }
    }

    @Test
    void eachPhoto_countsAThousandTokens_inTheHistoryEstimate() {
        Conversation conversation = photos.brokenVase();

        HistoryWindow withPhotos = setup.agent(setup.settings(), photos.store).historyWindow(conversation);
        HistoryWindow captionsOnly = setup.agent(setup.settings()).historyWindow(conversation);

        // two photos, and the caption placeholder that only the photo without a caption brings
        assertThat(withPhotos.estimatedTokens() - captionsOnly.estimatedTokens())
                .isEqualTo(2 * TokenEstimate.IMAGE + TokenEstimate.message(History.PHOTO_WITHOUT_CAPTION));
    }

    @Test
    void photosOverTheBudget_areKept_andOlderMessagesSummarised() throws Exception {
        var tight = setup.settings().withHistoryTokenBudget(OpenAiSettings.MIN_HISTORY_TOKEN_BUDGET);

        JsonNode input = send(photos.brokenVase(), tight).get("input");

        assertThat(input.get(0).get("role").asText()).isEqualTo("developer");
        long images = input.findValues("type").stream()
                .filter(type -> type.asText().equals("input_image"))
                .count();
        assertThat(images).isEqualTo(2);
        assertThat(input.get(input.size() - 1).get("content").asText()).isEqualTo("Come posso fare il reso?");
    }

    @Test
    void photoAlreadyAnswered_staysItsCaption_evenForAModelThatSeesImages() throws Exception {
        photos.store("media-1", "image/jpeg", PhotoConversations.JPEG);
        var conversation = TestConversations.withProfile(
                List.of(
                        PhotoConversations.photo(0, "media-1", "image/jpeg", "Questo vaso"),
                        Message.outbound("out-1", Author.BOT, "Bellissimo!", TestConversations.START.plusSeconds(5)),
                        TestConversations.inbound(10, MessageKind.TEXT, "Quanto costa?")),
                Map.of());

        JsonNode input = send(conversation, setup.settings()).get("input");

        assertThat(input)
                .allSatisfy(item -> assertThat(item.get("content").isTextual()).isTrue());
    }

    private JsonNode send(Conversation conversation, OpenAiSettings settings) throws Exception {
        server.enqueue(Fixtures.ok("response-text.json").build());
        setup.agent(settings, photos.store)
                .answer(conversation, ProfileSchema.standard(), NOW, new RecordingAgentTools());
        return JSON.readTree(server.takeRequest().getBody().utf8());
    }

    private static List<String> contents(JsonNode input) {
        var contents = new ArrayList<String>();
        input.forEach(item -> contents.add(item.get("content").asText()));
        return contents;
    }
}

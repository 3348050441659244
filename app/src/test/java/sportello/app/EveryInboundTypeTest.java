package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every inbound message type of the reference, through the real app: the signed webhook is stored, processed and
 * shown by {@code GET /api/conversations/{id}} with a text staff can read, and a file the customer sent can be
 * downloaded from {@code GET /api/media/{id}}.
 */
class EveryInboundTypeTest {

    @TempDir
    Path dataDir;

    private FakeGraph graph;
    private FakeOpenAi openAi;
    private Sportello sportello;
    private SportelloClient client;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph();
        openAi = new FakeOpenAi();
        sportello = Wiring.build(Config.from(EndToEndTest.environment(dataDir, graph, openAi)))
                .start("127.0.0.1", 0);
        client = new SportelloClient(sportello.port());
    }

    @AfterEach
    void stop() {
        sportello.close();
        graph.close();
        openAi.close();
    }

    private List<JsonNode> allMessages() {
        var messages = new ArrayList<JsonNode>();
        for (JsonNode summary : client.getJson("/api/conversations")) {
            client.getJson("/api/conversations/" + summary.path("id").asText())
                    .path("messages")
                    .forEach(messages::add);
        }
        return messages;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "inbound-text.json                         | Buongiorno! L'ordine del 14/11            | -",
                "inbound-text-username-only.json           | C'è ancora la torta al pistacchio?        | -",
                "inbound-image.json                        | Ecco lo scontrino                         | 1203948576102938",
                "inbound-audio-voice.json                  | 🎤 Buongiorno, sono Giulia Rossi          | 1203948576102939",
                "inbound-video.json                        | Il pacco è arrivato così                  | 1203948576102940",
                "inbound-document.json                     | Fattura di ottobre                        | 1203948576102941",
                "inbound-sticker.json                      | 💟 sticker                                | 1203948576102942",
                "inbound-location.json                     | 📍 45.4642035,9.189982 Piazza del Duomo   | -",
                "inbound-contacts.json                     | 👤 Luca Verdi +39 333 555 0101            | -",
                "inbound-interactive-button-reply.json     | Stato ordine                              | -",
                "inbound-interactive-list-reply.json       | Martedì 10:00                             | -",
                "inbound-template-button.json              | Tutto ok                                  | -",
                "inbound-reaction.json                     | ❤️                                        | -",
                "inbound-unsupported.json                  | unsupported message                       | -",
                "inbound-reply-context.json                | Sì, intendevo proprio quello              | -",
                "inbound-forwarded.json                    | Guarda questa offerta                     | -",
                "inbound-referral.json                     | Vorrei più informazioni su questa offerta | -",
                "inbound-system-user-changed-number.json   | customer changed phone number             | -",
                "inbound-system-user-changed-user-id.json  | customer's user id changed                | -",
                "inbound-edit.json                         | ✏️ Buongiorno! L'ordine 58213             | -",
                "inbound-revoke.json                       | 🗑 message deleted by the customer        | -"
            })
    void messageOfThisType_isShownWithReadableText_andItsFileCanBeDownloaded(
            String fixture, String text, String mediaId) {
        assertThat(client.postSignedWebhook(Fixtures.bytes("whatsapp/" + fixture)))
                .isEqualTo(200);
        Eventually.until(Duration.ofSeconds(20), "Sportello idle", client::isIdle);

        var shown = allMessages().stream()
                .filter(m -> m.path("text").asText().contains(text))
                .findFirst();

        assertThat(shown).as("a message showing '%s'", text).isPresent();
        if (mediaId != null) {
            assertThat(shown.get().at("/media/id").asText()).isEqualTo(mediaId);
            var file = client.getBytes("/api/media/" + mediaId);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(graph.media(mediaId));
        }
    }
}

package sportello.openai.transcription;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import sportello.ports.contract.TranscriberContract;
import sportello.ports.out.Transcriber;

/** The shared {@link TranscriberContract} against the real adapter, with OpenAI played by MockWebServer. */
class OpenAiTranscriberContractTest extends TranscriberContract {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final TranscriptionSetup setup = new TranscriptionSetup(server);

    @Override
    protected Transcriber transcriber() {
        return setup.transcriber();
    }

    /** The shape of transcription-tokens.json: see that folder's README for where it comes from. */
    @Override
    protected void arrangeSpeech() {
        server.enqueue(TranscriptionSetup.heard("transcription-tokens.json"));
    }

    @Override
    protected void arrangeOutage() {
        server.enqueue(TranscriptionSetup.error(503, "error-503-overloaded.json"));
    }
}

package sportello.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaHostsTest {

    private final MediaHosts production = new MediaHosts(HttpUrl.get("https://graph.facebook.com"));
    private final MediaHosts local = new MediaHosts(HttpUrl.get("http://localhost:8089/"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1",
                "https://fbsbx.com/file",
                "https://graph.facebook.com/v26.0/1",
                "https://scontent.xx.fbcdn.net/v/t1/file.jpg",
                "https://mmg.whatsapp.net/d/f/file.enc",
                "https://LOOKASIDE.FBSBX.COM/file"
            })
    void metaHostsOverHttps_mayReceiveTheToken(String url) {
        assertThat(production.allow(HttpUrl.get(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://lookaside.fbsbx.com/file",
                "http://graph.facebook.com/v26.0/1",
                "https://evilfbsbx.com/file",
                "https://lookaside.fbsbx.com.attacker.example/file",
                "https://files.example.com/file",
                "https://localhost/file"
            })
    void otherHostsOrPlainHttp_neverReceiveTheToken(String url) {
        assertThat(production.allow(HttpUrl.get(url))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8089/cdn/file", "http://localhost:9999/other-port"})
    void theConfiguredGraphHost_mayServeFiles(String url) {
        assertThat(local.allow(HttpUrl.get(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/cdn/file", "http://example.com/file"})
    void anotherNameForALocalHost_isStillAnotherHost(String url) {
        assertThat(local.allow(HttpUrl.get(url))).isFalse();
    }
}

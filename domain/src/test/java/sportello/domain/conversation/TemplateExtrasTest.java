package sportello.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateExtrasTest {

    @Test
    void mediaHeader_takesAnHttpsLinkOrAMediaId_only() {
        var link = new TemplateHeader(TemplateHeader.Format.named("image"), " https://files.example.it/banner.jpg ");
        var id = new TemplateHeader(TemplateHeader.Format.DOCUMENT, "1013859600285441");

        assertThat(link.value()).isEqualTo("https://files.example.it/banner.jpg");
        assertThat(link.isMediaId()).isFalse();
        assertThat(id.isMediaId()).isTrue();
        assertThatThrownBy(() -> new TemplateHeader(TemplateHeader.Format.IMAGE, "http://files.example.it/a.jpg"))
                .hasMessageContaining("https:// link or a WhatsApp media id");
        assertThatThrownBy(() -> TemplateHeader.Format.named("gif")).hasMessageContaining("text, image, video");
    }

    @Test
    void textHeader_isAtMost60Characters() {
        assertThat(new TemplateHeader(TemplateHeader.Format.TEXT, "Ordine 58213").value())
                .isEqualTo("Ordine 58213");
        assertThatThrownBy(() -> new TemplateHeader(TemplateHeader.Format.TEXT, "x".repeat(61)))
                .hasMessageContaining("60");
    }

    @Test
    void buttons_areNumbered0To9_andGivenOnceEach() {
        var url = new TemplateButton(0, TemplateButton.Kind.named("url"), "58213");
        var reply = new TemplateButton(1, TemplateButton.Kind.named("QUICK_REPLY"), "ORDER_58213_OK");

        var template = new TemplateMessage("aggiornamento_ordine", "it", List.of("Giulia"), null, List.of(url, reply));

        assertThat(template.buttons()).containsExactly(url, reply);
        assertThat(template.headerValue()).isEmpty();
        assertThatThrownBy(() -> new TemplateButton(10, TemplateButton.Kind.URL, "x"))
                .hasMessageContaining("0 to 9");
        assertThatThrownBy(() -> new TemplateMessage("x", "it", List.of(), null, List.of(url, url)))
                .hasMessageContaining("same template button");
        assertThatThrownBy(() -> TemplateButton.Kind.named("call")).hasMessageContaining("url or quick_reply");
    }
}

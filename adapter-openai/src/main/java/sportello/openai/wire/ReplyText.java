package sportello.openai.wire;

import java.util.regex.Pattern;

/**
 * What the SDKs call {@code output_text}, which is not in the JSON: the {@code text} of every {@code output_text}
 * part of every {@code message} item, in order, with no separator. Citation markers such as {@code 【4:0†source】}
 * mean nothing on WhatsApp and are removed.
 */
final class ReplyText {

    private static final Pattern CITATION = Pattern.compile("[ \\t]*【[^】]*】");

    private ReplyText() {}

    static String of(ResponseObject response) {
        var text = new StringBuilder();
        for (ResponseObject.OutputItem item : response.outputItems()) {
            if (!item.isMessage()) {
                continue;
            }
            for (ResponseObject.ContentPart part : item.parts()) {
                if (ResponseObject.ContentPart.OUTPUT_TEXT.equals(part.type()) && part.text() != null) {
                    text.append(part.text());
                }
            }
        }
        return CITATION.matcher(text).replaceAll("").strip();
    }

    static boolean refused(ResponseObject response) {
        return response.outputItems().stream()
                .filter(ResponseObject.OutputItem::isMessage)
                .flatMap(item -> item.parts().stream())
                .anyMatch(part -> ResponseObject.ContentPart.REFUSAL.equals(part.type()));
    }
}

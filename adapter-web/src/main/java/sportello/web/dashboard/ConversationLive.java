package sportello.web.dashboard;

import java.util.List;
import sportello.web.media.MediaDisplay;

/**
 * The part of a conversation page that live events refresh: who the customer is, who answers, whether staff
 * should look, the window, the mode buttons, and the history. {@code refreshUrl} carries the time of the newest
 * customer message shown, so a refresh marks the conversation seen only when there is something new to see.
 */
public record ConversationLive(
        Texts t,
        String id,
        String refreshUrl,
        String csrfToken,
        String name,
        String number,
        String userId,
        String mode,
        String modeLabel,
        boolean profileComplete,
        String attentionReason,
        String attentionSince,
        Window window,
        List<MessageView> messages) {

    public boolean withBot() {
        return mode.equals("BOT");
    }

    public String modeUrl() {
        return Urls.conversation(id) + "/mode";
    }

    /**
     * One message as shown: author, time, kind, text, the customer's file if it is stored ({@code note} says when it
     * is not), and for ours the delivery ticks.
     */
    public record MessageView(
            String id,
            String direction,
            String author,
            String authorLabel,
            String kind,
            String kindLabel,
            String note,
            MediaView media,
            String text,
            String time,
            String timeExact,
            String timeIso,
            String ticks,
            String tickClass,
            String tickTitle,
            String failure) {

        public String cssClass() {
            return "message " + direction + " " + author + " kind-" + kind;
        }
    }

    /**
     * A stored file, shown in place when the browser can do so safely (raster image, audio, video), else as a
     * download link with the file's name. {@code alt} describes an image for those who cannot see it.
     */
    public record MediaView(MediaDisplay display, String url, String downloadUrl, String fileName, String alt) {

        public boolean image() {
            return display == MediaDisplay.IMAGE;
        }

        public boolean audio() {
            return display == MediaDisplay.AUDIO;
        }

        public boolean video() {
            return display == MediaDisplay.VIDEO;
        }
    }
}

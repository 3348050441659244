package sportello.web.simulator;

import sportello.web.dashboard.Texts;

/**
 * {@code GET /simulator}: the frame of the phone page; its script fetches the chats. {@code selected} is the phone
 * number whose chat opens first (empty: the first chat).
 */
public record SimulatorPage(
        Texts t, String csrfToken, String username, String selected, String italianLink, String englishLink) {

    public boolean loggedIn() {
        return username != null;
    }
}

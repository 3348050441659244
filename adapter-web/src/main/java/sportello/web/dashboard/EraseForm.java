package sportello.web.dashboard;

/**
 * What erasing means, and the field to confirm it in: staff type the customer's name as shown, or the word
 * {@code ERASE} ({@code CANCELLA} in Italian). {@code typed} and {@code error} are those of a confirmation that
 * did not match; htmx swaps just this part then.
 */
public record EraseForm(Texts t, String id, String name, String csrfToken, String typed, String error) {

    public String action() {
        return Urls.conversation(id) + "/erase";
    }

    public String backUrl() {
        return Urls.conversation(id);
    }

    public String exportUrl() {
        return "/api/customers/" + Urls.encode(id) + "/export";
    }
}

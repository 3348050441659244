package sportello.faults;

/**
 * One customer writing one message: its own phone, business-scoped user id, wamid and a token in the text that the
 * fake agent echoes, so that a reply can be matched to the message it answers.
 */
record Customer(String phone, String userId, String name, String wamid, String token) {

    /** Customer {@code i} of a run: {@code group} keeps the numbers of different suites apart. */
    static Customer number(String run, int group, int i) {
        String phone = String.format("39%d%09d", group, i);
        return new Customer(
                phone,
                "IT.9" + phone,
                "Cliente " + group + "-" + i,
                "wamid.HBgMRkFVTFQt" + run + "G" + group + "N" + String.format("%09d", i) + "AA==",
                "K" + run + "x" + group + "x" + i);
    }

    /** The text as staff read it in the dashboard (the webhook carries it with Meta's escaping). */
    String text() {
        return "Buongiorno! L'ordine del 14/11 è già partito? Rif. " + token + " 😊";
    }
}

package sportello.openai.offline;

import sportello.domain.profile.ProfileSchema;

/** What the offline agent says, in Italian and in English. */
record Phrases(CustomerLanguage language) {

    static Phrases of(CustomerLanguage language) {
        return new Phrases(language);
    }

    private boolean italian() {
        return language == CustomerLanguage.ITALIAN;
    }

    String greeting(String business) {
        return italian()
                ? "Ciao! Sono l'assistente di " + business + "."
                : "Hi! I'm the assistant of " + business + ".";
    }

    String thanks() {
        return italian() ? "Grazie!" : "Thank you!";
    }

    String thanksName(String name) {
        return italian() ? "Grazie, " + name + "!" : "Thank you, " + name + "!";
    }

    String complete() {
        return italian()
                ? "Ho tutti i dati che mi servono: un collega ti risponderà al più presto."
                : "I have everything I need: a colleague will get back to you shortly.";
    }

    String handedOver() {
        return italian()
                ? "Certo! Ho passato la conversazione a una persona del nostro staff, che ti risponderà qui al più"
                        + " presto."
                : "Of course! I've passed the conversation to a member of our staff, who will follow up here"
                        + " shortly.";
    }

    String handedOverWhileClosed(String openingHours) {
        return italian()
                ? "Certo! Ho passato la conversazione al nostro staff. Ora siamo chiusi (orari: " + openingHours
                        + "): ti risponderemo qui appena riapriamo."
                : "Of course! I've passed the conversation to our staff. We're closed right now (opening hours: "
                        + openingHours + "): we'll follow up here as soon as we open.";
    }

    String handoffFailed() {
        return italian()
                ? "Mi dispiace, in questo momento non riesco a passarti a una persona del nostro staff. Riprova tra"
                        + " poco, per favore."
                : "I'm sorry, I can't pass you to a member of our staff right now. Please try again shortly.";
    }

    /** For staff, in the customer's language, with the customer's own words. */
    String handoffReason(String customerText) {
        String words = customerText.strip().replaceAll("\\s+", " ");
        String quoted = words.length() <= 200 ? words : words.substring(0, 200) + "…";
        return (italian() ? "Il cliente chiede di parlare con una persona: " : "The customer asked for a person: ")
                + "\"" + quoted + "\"";
    }

    String ask(String field, String label) {
        return switch (field) {
            case ProfileSchema.NAME -> italian() ? "Come ti chiami?" : "May I have your name?";
            case ProfileSchema.EMAIL ->
                italian() ? "Mi lasci un indirizzo e-mail?" : "Could you share your e-mail address?";
            case ProfileSchema.PHONE ->
                italian() ? "A quale numero di telefono possiamo richiamarti?" : "Which phone number can we call?";
            case ProfileSchema.ORDER_NUMBER ->
                italian()
                        ? "Qual è il numero del tuo ordine? Lo trovi nell'e-mail di conferma."
                        : "What is your order number? You'll find it in the confirmation e-mail.";
            default -> italian() ? "Mi indichi " + label + "?" : "Could you tell me your " + label + "?";
        };
    }
}

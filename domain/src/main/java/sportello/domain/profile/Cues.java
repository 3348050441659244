package sportello.domain.profile;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words customers put right before a value, in Italian and English ("ordine n.", "tel.", "tracking"), which
 * tell an order number from a phone number from a tracking code, a postcode or a price.
 */
final class Cues {

    /** What the words just before a value announce. */
    enum Cue {
        PHONE,
        ORDER,
        SOMETHING_ELSE,
        NONE
    }

    /** How far back, in characters, a cue may stand from the value it announces. */
    private static final int WINDOW = 40;

    /**
     * Words that may stand between a cue and its value: "ordine numero: 123", "my number is …". Not "di", "del"
     * or "of": "ordine di 200 pezzi", "ordine del 2025" and "order of 1500 units" announce a quantity or a date.
     * Not "mio" or "my" either: in "il pacco? il mio numero è …" the number is the customer's own.
     */
    private static final String FILLER =
            "n\\.|nr\\.|n°|nº|no\\.|num\\.|numero|number|id|#|:|=|-|è|é|e'|e’|is|was|era|il"
                    + "|the|dell'|dell’|d'|d’|questo|this";

    /** "chiamami al …", "call me on …": only after a phone cue. */
    private static final String PHONE_FILLER = "al|allo|at|on|me";

    private static final String ORDER_WORDS = "ordine|ordinazione|order|ord\\.|acquisto|purchase";

    private static final String PHONE_WORDS =
            "tel\\.?|telefono|telefonico|cell\\.?|cellulare|mobile|phone|whatsapp|fisso"
                    + "|recapito|contatto|contact|call|chiamami|chiamatemi|chiamarmi|richiamami|richiamatemi|contattami"
                    + "|contattatemi|reach me|text me|ring me|numero|number|fax|ufficio|office";

    /**
     * "ordine n. 123", or a bare "n. 123" / "#123" that follows no other word: in "avviso n. 778899" or "tessera
     * n. 123" the number belongs to the word before.
     */
    private static final Pattern ORDER =
            cue(ORDER_WORDS + "|(?<!\\p{L}[\\s\\u00A0]{1,3})(?:n\\.|nr\\.|n°|nº|no\\.)|#", "", FILLER);

    private static final Pattern PHONE = cue(PHONE_WORDS, "", FILLER + "|" + PHONE_FILLER);

    /**
     * Numbered things that are neither orders nor phones; one qualifying word of four letters or more may follow
     * ("tessera fedeltà n.", "codice cliente"), but not "al" as in "il pacco? chiamatemi al …".
     */
    private static final Pattern SOMETHING_ELSE = cue(
            "tracking|track|tracciamento|spedizione|shipment|shipping|pacco|parcel|collo|lettera di vettura|iban|cap"
                    + "|c\\.a\\.p\\.|postcode|post code|zip|p\\.\\s?iva|partita iva|vat|codice|code|fattura|invoice"
                    + "|ricevuta|receipt|ddt|bolla|pratica|ticket|cliente|customer|account|conto|carta|card|sku"
                    + "|articolo|item|prodotto|product|modello|model|seriale|serial|matricola|importo|totale|total"
                    + "|prezzo|price|costo|cost|euro|eur|usd|€|\\$|£|quantità|quantity|qty|corriere|courier|brt|gls"
                    + "|sda|dhl|ups|fedex|tnt|poste|bartolini|tessera|scontrino|reso|rma|documento|membership|loyalty"
                    + "|volo|flight|targa|avviso",
            "(?:\\s+(?!(?:" + ORDER_WORDS + "|" + PHONE_WORDS + ")(?![\\p{L}]))\\p{L}{4,})?",
            FILLER);

    /** Tried in the order of {@link Cue}, so on a tie a phone cue wins. */
    private static final Map<Cue, Pattern> CUES =
            new EnumMap<>(Map.of(Cue.PHONE, PHONE, Cue.ORDER, ORDER, Cue.SOMETHING_ELSE, SOMETHING_ELSE));

    private Cues() {}

    /**
     * The cue just before {@code position}. When several match ("order number"), the one starting furthest back
     * wins, because the later one is only a filler of it.
     */
    static Cue before(String text, int position) {
        String words = wordsBefore(text, position);
        Cue best = Cue.NONE;
        int bestStart = Integer.MAX_VALUE;
        for (var cue : CUES.entrySet()) {
            Matcher m = cue.getValue().matcher(words);
            if (m.find() && m.start() < bestStart) {
                best = cue.getKey();
                bestStart = m.start();
            }
        }
        return best;
    }

    private static Pattern cue(String words, String qualifier, String filler) {
        return Pattern.compile(
                "(?iu)(?<![\\p{L}\\p{N}])(?:" + words + ")" + qualifier + "(?:\\s*(?:" + filler + "))*\\s*$");
    }

    /** The few words just before {@code position}, on the same line. */
    private static String wordsBefore(String text, int position) {
        int from = Math.max(0, position - WINDOW);
        int newline = text.lastIndexOf('\n', position - 1);
        return text.substring(Math.max(from, newline + 1), position);
    }
}

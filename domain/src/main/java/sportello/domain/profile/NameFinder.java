package sportello.domain.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the name a customer introduces themselves with. After a clear introduction ("mi chiamo", "il mio nome
 * è", "my name is", "nome:") the name may be written in lower case and is capitalised; after a looser one ("sono",
 * "I'm", "this is") only capitalised words count, so "sono contento" and "I'm looking for" give nothing. A
 * closing such as "Cordiali saluti, Giulia Rossi" at the end of a message counts as an introduction too.
 */
final class NameFinder {

    private static final int MAX_WORDS = 4;

    private static final Pattern CLEAR_INTRODUCTION =
            Pattern.compile("(?iu)(?<![\\p{L}])(?:mi\\s+chiamo|il\\s+mio\\s+nome"
                    + "\\s+(?:è|é|e'|e’|e)|my\\s+name\\s+is|my\\s+name'?s|my\\s+name’s)\\s+(?:" + honorific() + "\\s*)?"
                    + "|(?m)^\\s*(?:nome\\s+e\\s+cognome|nome|full\\s+name|name)\\s*:\\s*");

    private static final Pattern LOOSE_INTRODUCTION = Pattern.compile("(?iu)(?<![\\p{L}])(?:io\\s+sono|sono|i\\s+am"
            + "|i'm|i’m|im|this\\s+is|it's|it’s|qui\\s+è|qui\\s+e'|here\\s+is)\\s+(?:(?:(?:il|la|the)\\s+)?"
            + honorific()
            + "\\s*)?");

    /** "Marco Rossi qui, …", "Jack here!": capitalised words at the start of a sentence, then "qui" or "here". */
    private static final Pattern NAME_HERE = Pattern.compile("(?u)(?:^|[,.!?;:\\n]\\s*|(?i:ciao|hi|hello|hey|salve"
            + "|buongiorno|buonasera)\\s+)((?:\\p{Lu}\\p{L}+ ){1,3})(?i:qui|here)(?=\\s*(?:[,.!;:\\n]|$))");

    private static final Pattern CLOSING = Pattern.compile("(?iu)(?<![\\p{L}])(?:cordiali\\s+saluti|distinti\\s+saluti"
            + "|un\\s+saluto|saluti|best\\s+regards|kind\\s+regards|regards|best\\s+wishes|sincerely)[,.!]?\\s+");

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:['’\\-]\\p{L}[\\p{L}\\p{M}]*)*\\.?");

    /** Words that follow "sono"/"I'm" or end a name but are never a name themselves. */
    private static final Set<String> NOT_NAMES = words(
            // Italian
            "e ed ma o ho ha hai vorrei volevo vorremmo avrei sono sto non il lo la le gli i un una uno di da in"
                    + " a al per con su tra fra che chi come quando dove perché perche grazie ciao salve buongiorno"
                    + " buonasera scrivo qui io già gia ancora molto tanto così cosi contento contenta contenti felice"
                    + " felici interessato interessata interessati soddisfatto soddisfatta disponibile sicuro sicura"
                    + " spiacente dispiaciuto dispiaciuta arrabbiato arrabbiata deluso delusa stanco stanca cliente nuovo"
                    + " nuova italiano italiana rimasto rimasta stato stata appena sempre mai anche solo proprio davvero"
                    + " veramente tornato tornata arrivato arrivata riuscito riuscita passato passata lunedì martedì"
                    + " mercoledì giovedì venerdì sabato domenica oggi domani ieri signor signora sig sig. sig.ra dott"
                    + " dott. dottor dottoressa prof prof. ordine telefono email mail cognome nome",
            // English
            "and but or from at to for with of the an my me so very really just also already still not looking"
                    + " interested happy glad sorry here writing trying going waiting having calling contacting reaching"
                    + " new sure afraid pleased excited wondering hoping unable able back done fine good great ok okay"
                    + " thanks thank please hi hello hey would need want have had am is was customer client italian english"
                    + " british american french german spanish monday tuesday wednesday thursday friday saturday sunday"
                    + " today tomorrow yesterday mr mr. mrs mrs. ms ms. dr dr. order phone name surname about currently on"
                    + " it this that there confused disappointed upset annoyed available everything all anyone nobody someone"
                    + " click tap sign",
            // before "qui": "Tutto qui", "Abito qui."
            "tutto eccomi eccoci siamo noi lavoro abito vivo resto aspetto");

    private NameFinder() {}

    /** "sono la signora Ferrari", "I'm Mrs. Smith": a title before the name is skipped. */
    private static String honorific() {
        return "(?:signora|signorina|signor|sig\\.ra|sig\\.na|sig\\.|dott\\.ssa|dott\\.|dottoressa|dottor|avv\\.|ing\\.|prof\\."
                + "|mrs\\.?|mr\\.?|ms\\.?|dr\\.?)(?![\\p{L}])";
    }

    private static Set<String> words(String italian, String english, String beforeHere) {
        return Set.copyOf(List.of((italian + " " + english + " " + beforeHere).split(" ")));
    }

    static Optional<Found> find(String text) {
        var candidates = new ArrayList<Found>();
        after(CLEAR_INTRODUCTION, text, false).ifPresent(candidates::add);
        after(LOOSE_INTRODUCTION, text, true).ifPresent(candidates::add);
        closingAtEnd(text).ifPresent(candidates::add);
        beforeHere(text).ifPresent(candidates::add);
        return candidates.stream().min((a, b) -> Integer.compare(a.start(), b.start()));
    }

    private static Optional<Found> after(Pattern introduction, String text, boolean capitalisedOnly) {
        Matcher m = introduction.matcher(text);
        while (m.find()) {
            var name = nameAt(text, m.end(), capitalisedOnly);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> beforeHere(String text) {
        Matcher m = NAME_HERE.matcher(text);
        while (m.find()) {
            int namesEnd = m.end(1) - 1;
            // "Ciao Marco qui": the greeting may be taken in; the name is the words after it up to "qui"
            for (int start = m.start(1); start < namesEnd; start = text.indexOf(' ', start) + 1) {
                var name = nameAt(text, start, true).filter(found -> found.end() == namesEnd);
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    /** "…\nCordiali saluti,\nGiulia Rossi" with nothing after the name. */
    private static Optional<Found> closingAtEnd(String text) {
        Matcher m = CLOSING.matcher(text);
        Optional<Found> last = Optional.empty();
        while (m.find()) {
            last = nameAt(text, m.end(), true)
                    .filter(name -> text.substring(name.end()).strip().matches("[.!]*"));
        }
        return last;
    }

    /** Up to four name words starting at {@code from}; none if the first is not a plausible name. */
    private static Optional<Found> nameAt(String text, int from, boolean capitalisedOnly) {
        var words = new ArrayList<String>();
        int end = from;
        int position = from;
        Matcher word = WORD.matcher(text);
        while (words.size() < MAX_WORDS
                && position < text.length()
                && word.region(position, text.length()).lookingAt()) {
            String w = word.group();
            String bare = w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
            if (NOT_NAMES.contains(bare.toLowerCase(Locale.ROOT)) || (capitalisedOnly && !isCapitalised(bare))) {
                break;
            }
            if (bare.length() < 2) {
                break;
            }
            words.add(bare);
            end = word.start() + bare.length();
            if (w.endsWith(".")) {
                break; // "sono Marco." ends the sentence
            }
            position = skipSpace(text, word.end());
            if (position == word.end()) {
                break; // a name's words are separated by spaces, on one line
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Found(capitalised(String.join(" ", words)), from, end));
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
            i++;
        }
        return i;
    }

    /** "Marco", not "marco" nor "MARCO": after a loose cue, shouting ("SONO SENZA PAROLE") is no introduction. */
    private static boolean isCapitalised(String word) {
        return Character.isUpperCase(word.charAt(0)) && !word.equals(word.toUpperCase(Locale.ROOT));
    }

    /** "giulia rossi" and "GIULIA ROSSI" become "Giulia Rossi"; a name written with capitals is kept as written. */
    private static String capitalised(String name) {
        boolean allLower = name.equals(name.toLowerCase(Locale.ROOT));
        boolean allUpper = name.equals(name.toUpperCase(Locale.ROOT));
        if (!allLower && !allUpper) {
            return name;
        }
        var out = new StringBuilder(name.length());
        boolean startOfPart = true;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(startOfPart ? Character.toUpperCase(c) : c);
            startOfPart = c == ' ' || c == '\'' || c == '’' || c == '-';
        }
        return out.toString();
    }
}

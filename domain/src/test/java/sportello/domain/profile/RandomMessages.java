package sportello.domain.profile;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates customer-like text from a seeded {@link Random}, so every run sees the same thousands of inputs and a
 * failure names the seed and the input that broke.
 */
final class RandomMessages {

    private static final List<String> FILLER = List.of(
            "ciao",
            "buongiorno",
            "grazie",
            "vorrei",
            "sapere",
            "se",
            "il",
            "pacco",
            "è",
            "arrivato",
            "ordine",
            "del",
            "negozio",
            "potete",
            "scrivermi",
            "a",
            "questo",
            "indirizzo",
            "per",
            "favore",
            "la",
            "mia",
            "mail",
            "è",
            "hello",
            "thanks",
            "please",
            "write",
            "to",
            "my",
            "email",
            "order",
            "the",
            "parcel",
            "has",
            "not",
            "arrived",
            "yet",
            "can",
            "you",
            "check",
            "domani",
            "oggi",
            "alle",
            "10:30",
            "49,90",
            "€",
            "14/11/2026",
            "CAP",
            "20121",
            "3",
            "pezzi",
            "😊",
            "🙏",
            "👍",
            "—",
            "perché?",
            "ok!",
            "sì,",
            "no.",
            "(scusate)",
            "\n");

    private static final List<String> BEFORE = List.of(" ", " ", " (", " <", ": ", " \"", "\n", " '");
    private static final List<String> AFTER = List.of(" ", ".", ",", "!", "?", ")", ">", "\"", "'", ";", "\n", ". ");

    private static final String LOCAL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LABEL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> TLDS = List.of("it", "com", "net", "org", "eu", "co.uk", "de", "info", "shop");

    private final Random random;

    RandomMessages(long seed) {
        this.random = new Random(seed);
    }

    /** Some words of Italian and English customer chatter, with no e-mail address in it. */
    String filler(int maxWords) {
        var text = new StringBuilder();
        int words = random.nextInt(maxWords + 1);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(pick(FILLER));
        }
        return text.toString();
    }

    /** A valid address as a person types it: the domain lower-case, upper-case or capitalised. */
    String email() {
        var local = new StringBuilder(word(LOCAL_CHARS, 1, 12));
        int parts = random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            local.append(pick(List.of(".", "_", "-", "+"))).append(word(LOCAL_CHARS, 1, 8));
        }
        var domain = new StringBuilder(label());
        if (random.nextInt(4) == 0) {
            domain.append('.').append(label());
        }
        domain.append('.').append(pick(TLDS));
        String typed = switch (random.nextInt(3)) {
            case 0 -> domain.toString();
            case 1 -> domain.toString().toUpperCase(Locale.ROOT);
            default -> Character.toUpperCase(domain.charAt(0)) + domain.substring(1);
        };
        return local + "@" + typed;
    }

    /** {@code value} between filler, with the punctuation people put around it and a space after that. */
    String around(String value) {
        String before = filler(8);
        String after = filler(8);
        return before + pick(BEFORE) + value + pick(AFTER) + " " + after;
    }

    /** A ten-digit Italian mobile number, national format without separators: 3471234567. */
    String italianMobile() {
        var number = new StringBuilder("3").append(2 + random.nextInt(8)).append(random.nextInt(10));
        for (int i = 0; i < 7; i++) {
            number.append(random.nextInt(10));
        }
        return number.toString();
    }

    /** Text of any kind: random code points (emoji, combining marks, controls) mixed with tricky tokens. */
    String anything(int maxLength) {
        var text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        while (text.length() < length) {
            switch (random.nextInt(4)) {
                case 0 -> text.appendCodePoint(randomCodePoint());
                case 1 ->
                    text.append(pick(List.of(
                            "@", ".", "+", "(", ")", "#", "-", "/", " ", "0", "3", "39", "00", "n.", "’", "'", "\n",
                            "\u00A0", "é")));
                case 2 ->
                    text.append(pick(List.of(
                            "sono ",
                            "mi chiamo ",
                            "ordine ",
                            "order #",
                            "tel. ",
                            "I'm ",
                            "Cordiali saluti, ",
                            "Marco ",
                            " qui",
                            "GIULIA",
                            "giulia@",
                            "example.it",
                            ".Com",
                            "+39 ",
                            "347 ",
                            "123 4567",
                            "AB-1234",
                            "IBAN IT60",
                            "14/11/2026")));
                default -> text.append(filler(3));
            }
        }
        return text.toString();
    }

    String digits(int min, int max) {
        return word("0123456789", min, max);
    }

    String word(String alphabet, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        var word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String label() {
        String label = word(LABEL_CHARS, 1, 12);
        if (label.length() > 2 && random.nextBoolean()) {
            int dash = 1 + random.nextInt(label.length() - 2);
            label = label.substring(0, dash) + "-" + label.substring(dash + 1);
        }
        return label;
    }

    private int randomCodePoint() {
        return switch (random.nextInt(5)) {
            case 0 -> 0x1F300 + random.nextInt(0x2FF); // emoji
            case 1 -> 0x0300 + random.nextInt(0x70); // combining marks
            case 2 -> random.nextInt(0x20); // control characters
            case 3 -> 0x0590 + random.nextInt(0x200); // Hebrew, Arabic
            default -> 0x20 + random.nextInt(0x250); // Latin
        };
    }
}

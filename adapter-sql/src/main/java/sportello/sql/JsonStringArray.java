package sportello.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of strings as JSON array text, for a column SQLite can also read ({@code json_each}). Written here rather
 * than with a JSON library because this module needs nothing more, and every string round-trips: quotes,
 * backslashes, control characters and characters outside the BMP (emoji, kept as their UTF-16 pair).
 */
public final class JsonStringArray {

    private JsonStringArray() {}

    public static String write(List<String> values) {
        var json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(values.get(i), json);
        }
        return json.append(']').toString();
    }

    /** Reads any JSON array of strings, not only what {@link #write} produced (a row may have been edited by hand). */
    public static List<String> read(String json) {
        return new Reader(json).array();
    }

    private static void quote(String value, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** A cursor over the text; every error names what was expected and where. */
    private static final class Reader {
        private final String json;
        private int at;

        Reader(String json) {
            this.json = json;
        }

        List<String> array() {
            var values = new ArrayList<String>();
            skipSpace();
            expect('[');
            skipSpace();
            if (peek() == ']') {
                at++;
            } else {
                do {
                    skipSpace();
                    values.add(string());
                    skipSpace();
                } while (next() == ',');
                at--;
                expect(']');
            }
            skipSpace();
            if (at != json.length()) {
                throw malformed("the end");
            }
            return values;
        }

        private String string() {
            expect('"');
            var value = new StringBuilder();
            for (char c = next(); c != '"'; c = next()) {
                if (c == '\\') {
                    value.append(escaped(next()));
                } else if (c < 0x20) {
                    throw malformed("no control character");
                } else {
                    value.append(c);
                }
            }
            return value.toString();
        }

        private char escaped(char c) {
            return switch (c) {
                case '"', '\\', '/' -> c;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> unicode();
                default -> throw malformed("an escape");
            };
        }

        private char unicode() {
            int code = 0;
            for (int i = 0; i < 4; i++) {
                int digit = "0123456789abcdef".indexOf(Character.toLowerCase(next()));
                if (digit < 0) {
                    throw malformed("four hex digits");
                }
                code = code * 16 + digit;
            }
            return (char) code;
        }

        private void skipSpace() {
            while (at < json.length() && " \t\n\r".indexOf(json.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() {
            if (at >= json.length()) {
                throw malformed("more");
            }
            return json.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                at--;
                throw malformed("'" + c + "'");
            }
        }

        /** Names the place, not the text: the values may be a customer's data, and errors end up in logs. */
        private IllegalStateException malformed(String expected) {
            return new IllegalStateException("stored JSON array of strings is malformed: expected " + expected
                    + " at character " + at + " of " + json.length());
        }
    }
}

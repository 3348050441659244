package sportello.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sportello.sql.JsonStringArray;

/** Template parameters are kept as JSON array text: anything goes in, the same comes out, and SQLite agrees. */
class JsonStringArrayTest {

    private static final List<String> AWKWARD = List.of(
            "Giulia, Rossi",
            "\"virgolette\" e 'apici'",
            "perché è già lì: più caffè",
            "😊🎂👍🏽 🇮🇹",
            "back\\slash \\\" \\u0041 /slash/",
            "[\"not\", \"an\", \"array\"]",
            "a\nb\r\tc\u0000\u001f\u007f",
            " ",
            "",
            "中文 ñ ß — “grazie”",
            "\ud83d"); // a lone surrogate, which a JSON library might refuse

    @TempDir
    Path dir;

    @Test
    void awkwardStrings_roundTrip() {
        String json = JsonStringArray.write(AWKWARD);

        assertThat(JsonStringArray.read(json)).isEqualTo(AWKWARD);
    }

    @Test
    void emptyList_roundTrips() {
        assertThat(JsonStringArray.write(List.of())).isEqualTo("[]");
        assertThat(JsonStringArray.read("[]")).isEmpty();
    }

    @Test
    void whatIsWritten_isTheArraySqliteReads() {
        var wellFormed = AWKWARD.subList(0, AWKWARD.size() - 1);
        var database = SqliteDatabase.migrated(dir.resolve("sportello.db"));

        List<String> read = database.inReadTransaction(
                "read with json_each",
                handle -> handle.createQuery("SELECT value FROM json_each(:json) ORDER BY key")
                        .bind("json", JsonStringArray.write(wellFormed))
                        .mapTo(String.class)
                        .list());

        assertThat(read).isEqualTo(wellFormed);
    }

    @Test
    void whatSqliteWrites_isRead() {
        var database = SqliteDatabase.migrated(dir.resolve("sportello.db"));

        String json = database.inReadTransaction(
                "write with json_array",
                handle -> handle.createQuery("SELECT json_array(:a, :b, :c)")
                        .bind("a", "a\"b\\c\nd")
                        .bind("b", "😊 è")
                        .bind("c", "\u0001")
                        .mapTo(String.class)
                        .one());

        assertThat(JsonStringArray.read(json)).containsExactly("a\"b\\c\nd", "😊 è", "\u0001");
    }

    @Test
    void escapesAndSpacing_fromAnyWriter_areRead() {
        assertThat(JsonStringArray.read(" [ \"\\u00e8\\ud83d\\ude0a\" ,\n\"\\/\\b\\f\" ] "))
                .containsExactly("è😊", "/\b\f");
    }

    @Test
    void malformedText_isRefused_withoutQuotingIt() {
        for (String malformed : List.of(
                "", "[", "[\"a\"", "[\"a\",]", "[a]", "{}", "[\"a\"] x", "[\"\\x\"]", "[\"\\u00g0\"]", "[\"a\nb\"]")) {
            assertThatThrownBy(() -> JsonStringArray.read(malformed))
                    .as(malformed)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("malformed")
                    .hasMessageNotContaining("\"a\"");
        }
    }
}

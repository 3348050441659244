package sportello.domain.business;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Optional;

/** Italian and English day names and their usual abbreviations. */
final class DayNames {

    private static final Map<String, DayOfWeek> NAMES = Map.ofEntries(
            Map.entry("lun", DayOfWeek.MONDAY),
            Map.entry("lunedi", DayOfWeek.MONDAY),
            Map.entry("lunedì", DayOfWeek.MONDAY),
            Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("mar", DayOfWeek.TUESDAY),
            Map.entry("martedi", DayOfWeek.TUESDAY),
            Map.entry("martedì", DayOfWeek.TUESDAY),
            Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("mer", DayOfWeek.WEDNESDAY),
            Map.entry("mercoledi", DayOfWeek.WEDNESDAY),
            Map.entry("mercoledì", DayOfWeek.WEDNESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("gio", DayOfWeek.THURSDAY),
            Map.entry("giovedi", DayOfWeek.THURSDAY),
            Map.entry("giovedì", DayOfWeek.THURSDAY),
            Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("ven", DayOfWeek.FRIDAY),
            Map.entry("venerdi", DayOfWeek.FRIDAY),
            Map.entry("venerdì", DayOfWeek.FRIDAY),
            Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("sab", DayOfWeek.SATURDAY),
            Map.entry("sabato", DayOfWeek.SATURDAY),
            Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("dom", DayOfWeek.SUNDAY),
            Map.entry("domenica", DayOfWeek.SUNDAY),
            Map.entry("sun", DayOfWeek.SUNDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY));

    private DayNames() {}

    static Optional<DayOfWeek> of(String word) {
        return Optional.ofNullable(NAMES.get(word.strip()));
    }
}

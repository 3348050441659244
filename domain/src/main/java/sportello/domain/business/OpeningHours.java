package sportello.domain.business;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the business is open, read from the words an owner writes anyway for customers, in Italian or English:
 * {@code "lun-sab 9:30-19:00, domenica chiuso"}, {@code "Mon-Fri 9-13 and 15-19; Sat 9-12"}. Text it cannot read
 * fully is not guessed at: {@link #parse} is empty and the caller treats the hours as unknown.
 */
public final class OpeningHours {

    private static final Pattern TIME_RANGE =
            Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?:[-–]|alle|to)\\s*(\\d{1,2})(?:[:.](\\d{2}))?");
    private static final Pattern SEGMENT_SEPARATOR = Pattern.compile("[,;\\n]");
    private static final Pattern DAY_RANGE = Pattern.compile("(\\p{L}+)\\.?\\s*[-–]\\s*(\\p{L}+)\\.?");
    private static final Pattern FILLER =
            Pattern.compile("(?<!\\p{L})(e|and|dalle|alle|from|to|ore|h|orario|hours|open|aperto)(?!\\p{L})|[/&:]");
    private static final Pattern EVERY_DAY = Pattern.compile("tutti i giorni|ogni giorno|every day|daily");

    private final Map<DayOfWeek, List<TimeRange>> week;
    private final String text;

    private OpeningHours(Map<DayOfWeek, List<TimeRange>> week, String text) {
        this.week = week;
        this.text = text;
    }

    /** An opening interval of one day; {@code end} may be midnight ({@code 24:00} is read as the day's end). */
    public record TimeRange(LocalTime start, LocalTime end) {

        boolean contains(LocalTime time) {
            return !time.isBefore(start) && (end.equals(LocalTime.MAX) || time.isBefore(end));
        }
    }

    public static Optional<OpeningHours> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var week = new EnumMap<DayOfWeek, List<TimeRange>>(DayOfWeek.class);
        var waiting = EnumSet.noneOf(DayOfWeek.class);
        for (String segment : SEGMENT_SEPARATOR.split(text.toLowerCase(java.util.Locale.ROOT))) {
            if (segment.isBlank()) {
                continue;
            }
            var ranges = new ArrayList<TimeRange>();
            Matcher times = TIME_RANGE.matcher(segment);
            while (times.find()) {
                var range = timeRange(times);
                if (range.isEmpty()) {
                    return Optional.empty();
                }
                ranges.add(range.get());
            }
            String words =
                    FILLER.matcher(TIME_RANGE.matcher(segment).replaceAll(" ")).replaceAll(" ");
            boolean closed = words.contains("chius") || words.contains("closed");
            words = words.replaceAll("chius[oaie]|closed", " ");
            var days = days(words);
            if (days.isEmpty()) {
                if (ranges.isEmpty() || waiting.isEmpty()) {
                    return Optional.empty();
                }
                days = Optional.of(EnumSet.noneOf(DayOfWeek.class));
            }
            waiting.addAll(days.get());
            if (closed) {
                waiting.forEach(day -> week.put(day, List.of()));
                waiting.clear();
            } else if (!ranges.isEmpty()) {
                for (DayOfWeek day : waiting) {
                    week.computeIfAbsent(day, d -> new ArrayList<>()).addAll(ranges);
                }
                waiting.clear();
            }
        }
        if (!waiting.isEmpty() || week.values().stream().allMatch(List::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new OpeningHours(week, text.strip()));
    }

    public boolean isOpenAt(ZonedDateTime when) {
        var time = when.toLocalTime();
        return week.getOrDefault(when.getDayOfWeek(), List.of()).stream().anyMatch(range -> range.contains(time));
    }

    /** The hours of one day; empty when closed or not mentioned. */
    public List<TimeRange> on(DayOfWeek day) {
        return List.copyOf(week.getOrDefault(day, List.of()));
    }

    @Override
    public String toString() {
        return text;
    }

    private static Optional<TimeRange> timeRange(Matcher m) {
        int startHour = Integer.parseInt(m.group(1));
        int startMinute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int endHour = Integer.parseInt(m.group(3));
        int endMinute = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (startHour > 23 || endHour > 24 || startMinute > 59 || endMinute > 59 || (endHour == 24 && endMinute > 0)) {
            return Optional.empty();
        }
        var start = LocalTime.of(startHour, startMinute);
        var end = endHour == 24 ? LocalTime.MAX : LocalTime.of(endHour, endMinute);
        return end.isAfter(start) ? Optional.of(new TimeRange(start, end)) : Optional.empty();
    }

    /** The days a segment names, or empty if it names something that is not a day. */
    private static Optional<Set<DayOfWeek>> days(String words) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        Matcher everyDay = EVERY_DAY.matcher(words);
        if (everyDay.find()) {
            days.addAll(EnumSet.allOf(DayOfWeek.class));
            words = everyDay.replaceAll(" ");
        }
        Matcher ranges = DAY_RANGE.matcher(words);
        var rest = new StringBuilder();
        int last = 0;
        while (ranges.find()) {
            var from = DayNames.of(ranges.group(1));
            var to = DayNames.of(ranges.group(2));
            if (from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            for (DayOfWeek day = from.get(); ; day = day.plus(1)) {
                days.add(day);
                if (day == to.get()) {
                    break;
                }
            }
            rest.append(words, last, ranges.start()).append(' ');
            last = ranges.end();
        }
        rest.append(words.substring(last));
        for (String word : rest.toString().trim().split("\\s+")) {
            if (word.isBlank()) {
                continue;
            }
            var day = DayNames.of(word.replace(".", ""));
            if (day.isEmpty()) {
                return Optional.empty();
            }
            days.add(day.get());
        }
        return days.isEmpty() ? Optional.empty() : Optional.of(days);
    }
}

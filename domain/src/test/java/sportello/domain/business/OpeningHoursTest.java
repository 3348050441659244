package sportello.domain.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /** 2026-11-23 is a Monday. */
    private static ZonedDateTime at(int dayOfMonth, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, dayOfMonth, hour, minute, 0, 0, ROME);
    }

    @Test
    void italianExampleOfTheEnvTemplate_isUnderstood() {
        var hours = OpeningHours.parse("lun-sab 9:30-19:00, domenica chiuso").orElseThrow();

        assertThat(hours.isOpenAt(at(23, 9, 29))).isFalse();
        assertThat(hours.isOpenAt(at(23, 9, 30))).isTrue();
        assertThat(hours.isOpenAt(at(28, 18, 59))).isTrue();
        assertThat(hours.isOpenAt(at(28, 19, 0))).isFalse();
        assertThat(hours.isOpenAt(at(29, 12, 0))).isFalse();
    }

    @Test
    void lunchBreak_andSeveralSegments() {
        var hours = OpeningHours.parse("Mon-Fri 9-13 and 15-19; Sat 9-12").orElseThrow();

        assertThat(hours.on(DayOfWeek.WEDNESDAY))
                .extracting(OpeningHours.TimeRange::start)
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(15, 0));
        assertThat(hours.isOpenAt(at(25, 14, 0))).isFalse();
        assertThat(hours.isOpenAt(at(25, 15, 30))).isTrue();
        assertThat(hours.isOpenAt(at(28, 11, 0))).isTrue();
        assertThat(hours.isOpenAt(at(29, 11, 0))).isFalse();
    }

    @Test
    void daysListedBeforeTheirHours_shareThem() {
        var hours = OpeningHours.parse("lun, mer, ven dalle 8.30 alle 12.30").orElseThrow();

        assertThat(hours.isOpenAt(at(23, 8, 30))).isTrue();
        assertThat(hours.isOpenAt(at(24, 9, 0))).isFalse();
        assertThat(hours.isOpenAt(at(27, 12, 29))).isTrue();
    }

    @Test
    void everyDay_andMidnight() {
        var hours = OpeningHours.parse("tutti i giorni 18-24").orElseThrow();

        assertThat(hours.isOpenAt(at(29, 23, 59))).isTrue();
        assertThat(hours.isOpenAt(at(29, 17, 59))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sempre aperti tranne quando piove",
                "lun-ven 9-25",
                "lun-ven 19-9",
                "domenica chiuso",
                "lun-ven",
                "su appuntamento 9-18"
            })
    void textThatCannotBeReadFully_isNotGuessed(String text) {
        assertThat(OpeningHours.parse(text)).isEmpty();
    }
}

package sportello.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneMaskingTest {

    @Test
    void customerNumbers_areMasked_inAnyPosition() {
        assertThat(PhoneMasking.mask("Sent to 393331234567 ok")).isEqualTo("Sent to 3933******67 ok");
        assertThat(PhoneMasking.mask("(#131026) +447700900456: not on WhatsApp"))
                .isEqualTo("(#131026) +4477******56: not on WhatsApp");
        assertThat(PhoneMasking.mask("to=15551234567,")).isEqualTo("to=1555*****67,");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "phone number id 106540352242922",
                "media 1203948576102938 stored",
                "order 58213 shipped",
                "wamid.HBgMMzkzMzMxMjM0NTY3FQIAEhgURjIyNURFMDRBMzI4MzY3MzgwQzMA",
                "took 1234 ms at 2026-11-25T09:00:00Z",
                "user IT.1234567890123456"
            })
    void idsTimesAndShortNumbers_stayReadable(String line) {
        assertThat(PhoneMasking.mask(line)).isEqualTo(line);
    }
}

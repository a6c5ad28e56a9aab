import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class UtcTimeTest {
    @Test void formatsWholeSecondsInUtc() { assertEquals("2026-11-21T20:19:02Z",
            UtcTime.format(Instant.parse("2026-11-21T20:19:02.551921903Z"))); }
    @Test void keepsZeroSeconds() { assertEquals("2026-01-05T03:04:00Z",
            UtcTime.format(Instant.parse("2026-01-05T03:04:00Z"))); }
    @Test void readsWhatItWrites() { assertEquals(Instant.parse("2026-11-21T20:19:02Z"),
            UtcTime.parse("2026-11-21T20:19:02Z")); }
    @Test void readsOtherIsoInstants() { assertEquals(Instant.parse("2026-11-21T20:19:02.5Z"),
            UtcTime.parse("2026-11-21T20:19:02.5Z")); }
    @Test void refusesAnImpossibleDate() { assertThrows(DateTimeParseException.class,
            () -> UtcTime.parse("2026-13-21T20:19:02Z")); }
    @Test void refusesADayTheMonthHasNot() { assertThrows(DateTimeParseException.class,
            () -> UtcTime.parse("2026-02-29T00:00:00Z")); }
    @Test void refusesAnHourPastTheDay() { assertThrows(DateTimeParseException.class,
            () -> UtcTime.parse("2026-11-21T24:00:00Z")); }

    @Test void agreesWithTheJdkAcrossFourCenturies() {
        // Every day of 1600-2400 at a moving time of day: leap years, century years and 2000 included.
        for (long s = Instant.parse("1600-01-01T00:00:00Z").getEpochSecond(); s < Instant.parse("2400-12-31T00:00:00Z").getEpochSecond(); s += 86_400 + 61) {
            Instant t = Instant.ofEpochSecond(s);
            assertEquals(t.toString(), UtcTime.format(t));
            assertEquals(t, UtcTime.parse(t.toString()));
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), UtcTime.parse("2024-02-29T23:59:59Z"));
    }
}

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class UtcTimeTest {
    @Test void formatsWholeSecondsInUtc() { assertEquals("2026-11-21T20:19:02Z", UtcTime.format(Instant.parse("2026-11-21T20:19:02.551921903Z"))); }
    @Test void keepsZeroSeconds() { assertEquals("2026-01-05T03:04:00Z", UtcTime.format(Instant.parse("2026-01-05T03:04:00Z"))); }
    @Test void readsWhatItWrites() { assertEquals(Instant.parse("2026-11-21T20:19:02Z"), UtcTime.parse("2026-11-21T20:19:02Z")); }
    @Test void readsOtherIsoInstants() { assertEquals(Instant.parse("2026-11-21T20:19:02.5Z"), UtcTime.parse("2026-11-21T20:19:02.5Z")); }
    @Test void refusesAnImpossibleDate() { assertThrows(DateTimeParseException.class, () -> UtcTime.parse("2026-13-21T20:19:02Z")); }
}

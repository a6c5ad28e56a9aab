import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as {@code 2026-11-21T20:19:02Z} (UTC, whole seconds), written and read by hand: the JDK's
 * {@code Instant.toString()} and {@code Instant.parse} start up its whole date-time formatting engine,
 * a noticeable part of a start-up that only needs to read the cache's fetch time.
 */
final class UtcTime {
    private UtcTime() { }

    static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(20);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        return pad(sb, t.getSecond(), 2).append('Z').toString();
    }

    /** Reads what {@link #format} writes; any other ISO-8601 instant goes through the JDK's parser. */
    static Instant parse(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            try {
                LocalDateTime t = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                        number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
                return t.toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e) {
                throw new DateTimeParseException("not a timestamp", text, 0);
            }
        }
        return Instant.parse(text);
    }

    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException(text);
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) sb.append('0');
        return sb.append(digits);
    }
}

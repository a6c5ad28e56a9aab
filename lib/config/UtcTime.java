import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as {@code 2026-11-21T20:19:02Z} (UTC, whole seconds), written and read by hand with the
 * proleptic Gregorian day count: the JDK's {@code Instant.toString()} and {@code Instant.parse} start up
 * its whole date-time formatting engine, and even {@code LocalDateTime} loads and initialises the
 * field tables behind it, a noticeable part of a start-up that only needs the cache's fetch time.
 */
final class UtcTime {
    private UtcTime() { }

    private static final long SECONDS_PER_DAY = 86_400;

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int ofDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        long[] date = civil(days);
        StringBuilder sb = new StringBuilder(20);
        pad(sb, date[0], 4).append('-');
        pad(sb, date[1], 2).append('-');
        pad(sb, date[2], 2).append('T');
        pad(sb, ofDay / 3600, 2).append(':');
        pad(sb, ofDay / 60 % 60, 2).append(':');
        return pad(sb, ofDay % 60, 2).append('Z').toString();
    }

    /** Reads what {@link #format} writes; any other ISO-8601 instant goes through the JDK's parser. */
    static Instant parse(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            long year = number(text, 0, 4), month = number(text, 5, 7), day = number(text, 8, 10);
            long hour = number(text, 11, 13), minute = number(text, 14, 16), second = number(text, 17, 19);
            long days = days(year, month, day);
            long[] check = civil(days);
            // A day count taken back to a date gives the same date only if the date exists (no 2026-02-30).
            if (month < 1 || month > 12 || check[1] != month || check[2] != day || hour > 23 || minute > 59
                    || second > 59) {
                throw new DateTimeParseException("not a timestamp", text, 0);
            }
            return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second);
        }
        return Instant.parse(text);
    }

    /** Days since 1970-01-01 of a date (March-based years, so that February's length comes last). */
    private static long days(long year, long month, long day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** The date {@code {year, month, day}} of a day count since 1970-01-01: {@link #days} backwards. */
    private static long[] civil(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
    }

    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw new DateTimeParseException("not a timestamp", text, i);
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) sb.append('0');
        return sb.append(digits);
    }
}

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * How long to wait before retry number {@code n} (0-based): exponential from 1 s, capped at 8 s, with
 * "equal jitter" (half fixed, half random) so that many clients that failed together do not come back
 * together; a server's {@code Retry-After} wins. A Retry-After longer than {@link #LONGEST} is not worth
 * waiting for at a command line: the caller moves on to the next model instead.
 */
final class Backoff {
    static final Duration LONGEST = Duration.ofSeconds(60);
    /** The most any Retry-After is read as: a day, so that no arithmetic on it can overflow. */
    static final Duration MOST = Duration.ofDays(1);
    private static final double FIRST = 1.0, CAP = 8.0;

    private Backoff() { }

    static Duration delay(int n, Duration retryAfter, Random random) {
        if (retryAfter != null) return retryAfter;
        double ceiling = Math.min(CAP, FIRST * Math.pow(2, n));
        return Duration.ofMillis(Math.round(1000 * ceiling * (0.5 + random.nextDouble() / 2)));
    }

    /** {@code Retry-After} as seconds or an HTTP date (relative to {@code now}); null when absent or unreadable. */
    static Duration retryAfter(String header, ZonedDateTime now) {
        if (header == null || header.isBlank()) return null;
        String h = header.strip();
        if (!h.isEmpty() && h.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // Seconds, however many digits: anything past a day is a day (far past LONGEST: not waited for).
            return h.length() > 6 ? MOST : Duration.ofSeconds(Math.min(Long.parseLong(h), MOST.getSeconds()));
        }
        {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d.compareTo(MOST) > 0 ? MOST : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}

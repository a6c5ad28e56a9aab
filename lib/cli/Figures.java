import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures as messages, tables and prompts show them: plain numbers, durations, token counts and prices. */
final class Figures {
    private Figures() { }

    /** 2.0 -> "2", 0.25 -> "0.25": no trailing zeros, never an exponent. */
    static String plain(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15 ? Long.toString((long) n)
                : new BigDecimal(Double.toString(n)).stripTrailingZeros().toPlainString();
    }

    /** {@code 30 s}, {@code 0.5 s}: a duration as messages show it. */
    static String seconds(java.time.Duration d) { return plain(d.toMillis() / 1000.0) + " s"; }

    /**
     * A token count as {@code openclaw models list} prints it, in thousands: 131072 -> 131k, 65536 -> 66k,
     * 1000000 -> 1000k (OpenClaw has no M).
     */
    static String tokens(long n) {
        if (n <= 0) return "-";
        if (n >= 1000) return Math.round(n / 1000.0) + "k";
        return Long.toString(n);
    }

    static String price(BigDecimal usdPerMillion) {
        return usdPerMillion == null ? "-" : usdPerMillion.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

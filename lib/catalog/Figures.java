import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures as the tables and prompts show them: token counts and prices. */
final class Figures {
    private Figures() { }

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

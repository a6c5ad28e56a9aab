import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures as the tables and prompts show them: token counts and prices. */
final class Figures {
    private Figures() { }

    /** A token count as people say it: 131072 → 128k, 1048576 → 1M. */
    static String tokens(long n) {
        if (n <= 0) return "-";
        if (n >= 1 << 20 && n % (1 << 20) == 0) return n / (1 << 20) + "M";
        if (n >= 1024) return Math.round(n / 1024.0) + "k";
        return Long.toString(n);
    }

    static String price(BigDecimal usdPerMillion) {
        return usdPerMillion == null ? "-" : usdPerMillion.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

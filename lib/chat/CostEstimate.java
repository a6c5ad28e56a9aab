import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a question would cost at each planned attempt, before it is asked: the prompt's estimated tokens at the
 * provider's input price, plus at most {@code --max-tokens} (else what is left of the provider's context) at its
 * output price. At least: the prompt alone. The router returns no cost; these are the listed prices of the cached
 * model list, the same figures {@link ChatReport#cost} prices an answer by.
 */
final class CostEstimate {
    /** Tokens an image is counted as: a typical vision model's cost of one image of about 1024x1024. */
    static final long IMAGE_TOKENS = 1000;

    /** An attempt's estimate in USD: {@code least}..{@code most}, each null when the list gives no price. */
    record Range(ModelRef ref, BigDecimal least, BigDecimal most) { }

    private CostEstimate() { }

    /** The estimate for each attempt of {@code plan} (the router's own pick: the range over its capable providers). */
    static List<Range> of(RoutePlan plan, List<RouterModel> known) {
        long prompt = plan.needs.promptTokens() + plan.needs.images() * IMAGE_TOKENS;
        List<Range> ranges = new ArrayList<>();
        for (RoutePlan.Attempt a : plan.attempts) {
            RouterModel m = a.ref().in(known);
            BigDecimal least = null, most = null;
            for (RouterModel.Offer o : m == null ? List.<RouterModel.Offer>of() : m.providers()) {
                if (!o.live() || (a.ref().provider() != null
                        && !o.provider().equalsIgnoreCase(a.ref().provider()))) continue;
                if (o.priceIn() == null || o.priceOut() == null) continue;
                long out = plan.needs.maxTokens() != null ? plan.needs.maxTokens()
                        : o.contextLength() != null ? Math.max(0, o.contextLength() - prompt) : 0;
                BigDecimal low = perMillion(o.priceIn(), prompt), high = low.add(perMillion(o.priceOut(), out));
                least = least == null || low.compareTo(least) < 0 ? low : least;
                most = most == null || high.compareTo(most) > 0 ? high : most;
            }
            ranges.add(new Range(a.ref(), least, most));
        }
        return ranges;
    }

    private static BigDecimal perMillion(BigDecimal usdPerMillion, long tokens) {
        return usdPerMillion.multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1_000_000), 9,
                RoundingMode.HALF_UP);
    }

    /** {@code chat --estimate}'s lines: each attempt's range, "no price listed" where there is none. */
    static String text(RoutePlan plan, List<Range> ranges) {
        StringBuilder sb = new StringBuilder("Estimate for about " + plan.needs.promptTokens() + " prompt tokens"
                + (plan.needs.maxTokens() == null ? ", the answer at most what the context leaves" : " + at most "
                + plan.needs.maxTokens() + " out") + ":\n");
        int width = 0;
        for (Range r : ranges) width = Math.max(width, r.ref().routerId().length());
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            String cost = r.most() == null ? "no price listed"
                    : ChatReport.dollars(r.least()) + " to " + ChatReport.dollars(r.most());
            sb.append(String.format("%3d. %-" + width + "s  %s%n", i + 1, Printable.line(r.ref().routerId()), cost));
        }
        return sb.toString();
    }

    /**
     * Why the first attempt may not be asked under {@code cap} (USD), or null when it may: its estimate could pass
     * the cap, or the list gives no price to hold it to.
     */
    static String overCap(List<Range> ranges, BigDecimal cap, String where) {
        if (cap == null || ranges.isEmpty()) return null;
        Range first = ranges.get(0);
        if (first.most() == null) {
            return first.ref().routerId() + " has no listed price to hold to " + where + " $" + cap.toPlainString()
                    + "; nothing was sent";
        }
        if (first.most().compareTo(cap) <= 0) return null;
        return "asking " + first.ref().routerId() + " may cost up to " + ChatReport.dollars(first.most()) + ", over "
                + where
                + " $" + cap.toPlainString() + " (--max-tokens bounds it); nothing was sent";
    }
}

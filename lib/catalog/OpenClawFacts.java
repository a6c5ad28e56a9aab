import java.math.BigDecimal;
import java.util.Map;

/**
 * A model as OpenClaw 2026.9.6 treats it once its own discovery has read the same router list (its
 * {@code extensions/huggingface} {@code projectHuggingfaceModels}), beside what this toolkit shows:
 * <ul>
 * <li>the context window OpenClaw budgets with is the <em>smallest</em> {@code context_length} of the providers
 *     not in {@code error} (staging included), where ours is the largest a live provider offers: what pinning
 *     that provider ({@code :provider}) gets;</li>
 * <li>OpenClaw treats the model as without tools when any such provider says {@code supports_tools: false};
 *     ours tags it with tools when some live provider has them;</li>
 * <li>OpenClaw counts a cost only for the three models of its own catalog; every discovered one is $0 to it.</li>
 * </ul>
 * Names differ too (OpenClaw shows {@code owner/Model} for a model the router does not name), which changes
 * nothing either tool sends, so it is not reported. Null facts when the router's list is not known.
 */
record OpenClawFacts(long contextWindow, String smallestFrom, String withoutTools, BigDecimal costInput,
        BigDecimal costOutput) {
    /** OpenClaw's built-in Hugging Face catalog: the only models it has prices for (USD per 1M tokens, in and out). */
    static final Map<String, BigDecimal[]> PRICED = Map.of(
            "deepseek-ai/DeepSeek-R1", new BigDecimal[] {new BigDecimal("3"), new BigDecimal("7")},
            "deepseek-ai/DeepSeek-V3.1", new BigDecimal[] {new BigDecimal("0.6"), new BigDecimal("1.25")},
            "openai/gpt-oss-120b", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});

    /** The facts for {@code m}, or null when no provider list is known for it. */
    static OpenClawFacts of(Model m) {
        if (m.providers().isEmpty()) return null;
        long smallest = 0;
        String from = null;
        String withoutTools = null;
        for (RouterModel.Offer o : m.providers()) {
            if ("error".equals(o.status())) continue;
            if (o.contextLength() != null && o.contextLength() > 0 && (from == null || o.contextLength() < smallest)) {
                smallest = o.contextLength();
                from = o.provider();
            }
            if (Boolean.FALSE.equals(o.supportsTools()) && withoutTools == null) withoutTools = o.provider();
        }
        BigDecimal[] price = PRICED.getOrDefault(m.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        return new OpenClawFacts(from != null ? smallest : Model.DEFAULT_CONTEXT_WINDOW, from, withoutTools, price[0],
                price[1]);
    }

    boolean supportsTools() { return withoutTools == null; }

    /** The live provider with the largest context window: the one to pin for the most room; null when none says. */
    static RouterModel.Offer widest(Model m) {
        RouterModel.Offer best = null;
        for (RouterModel.Offer o : m.providers()) {
            if (o.live() && o.contextLength() != null && (best == null
                    || o.contextLength() > best.contextLength())) best = o;
        }
        return best;
    }

    /** Whether OpenClaw counts no cost where this toolkit knows one. */
    boolean costUnknownToIt(Model m) {
        return costOutput.signum() == 0 && costInput.signum() == 0 && m.costOutput() != null
                && m.costOutput().signum() > 0;
    }

    /** {@code models show}'s lines where OpenClaw differs from what is shown above them; none when it agrees. */
    java.util.List<String> differences(Model m) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        RouterModel.Offer widest = widest(m);
        if (contextWindow < m.contextWindow()) {
            lines.add("budgets " + Figures.tokens(contextWindow) + " tokens of context (" + (smallestFrom == null
                    ? "its default"
                    : Printable.line(smallestFrom) + "'s, the smallest of the providers not in error") + ")"
                    + (widest == null ? "" : "; pinning :" + Printable.line(widest.provider()) + " gives "
                            + Figures.tokens(widest.contextLength())));
        }
        if (!supportsTools() && m.tools()) {
            lines.add("treats it as without tools (" + Printable.line(withoutTools)
                    + " has none), so its agent gives it no tools");
        }
        if (costUnknownToIt(m)) lines.add("counts its cost as $0 (OpenClaw has prices only for the models of its own "
                + "catalog)");
        return lines;
    }

    JsonValue json() {
        return JsonValue.object("contextWindow", JsonValue.of(contextWindow), "supportsTools",
                JsonValue.of(supportsTools()),
                "cost", JsonValue.object("input", JsonValue.of(costInput), "output", JsonValue.of(costOutput)));
    }
}

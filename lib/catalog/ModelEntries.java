import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of {@code models.providers.huggingface.models[]} that let OpenClaw see what a Hugging Face model
 * really costs ({@code models sync}, and onboarding for the model chosen). OpenClaw's own projection of the
 * router's list prices every discovered model at 0, so its usage shows no spend; it takes a model's cost, context
 * window and tool support from {@code models.providers.huggingface.models[]} when an entry has the ref's id (its
 * merge keeps existing entries). An entry per ref, in OpenClaw's schema, from the provider the ref resolves to:
 * <ul>
 * <li>{@code :provider}: that provider; {@code :cheapest}: the lowest output price among live providers; no suffix
 *     or {@code :fastest}: the highest throughput ({@link ProviderPolicy}); {@code :preferred} follows an order only
 *     the user's Hugging Face settings hold, so it is priced at the dearest live provider, which it never exceeds;
 * <li>{@code cost} USD per million tokens, {@code cacheRead}/{@code cacheWrite} at the input price (the router lists
 *     no cache price; OpenClaw's own catalog does the same);
 * <li>{@code contextWindow}: the pinned provider's, else the smallest among live providers, as OpenClaw's own
 *     projection budgets (the router may send a policy's request to any of them); {@code compat.supportsTools}
 *     likewise: false when the provider (or, unpinned, any live one) says it takes no tools.
 * </ul>
 * Only those fields are ours; the user's others ({@code name}, {@code maxTokens}, {@code params}, a
 * {@code tieredPricing}...) are kept, and a new entry gets OpenClaw's defaults for the rest. Nothing else in the
 * config changes: not the models OpenClaw may use ({@code modelPolicy.allow}), not the default or the aliases.
 */
final class ModelEntries {
    private ModelEntries() { }

    /** What OpenClaw's projection gives a model it knows nothing of (its HUGGINGFACE_DEFAULT_MAX_TOKENS). */
    static final long OPENCLAW_MAX_TOKENS = 8192;

    /** Where a ref's figures come from: the offer priced, why that one, and what OpenClaw should budget with. */
    record Resolved(RouterModel.Offer priced, String why, Long contextWindow, boolean tools) { }

    /**
     * Brings the ref's entry up to date from the list ({@code write}), or says what would change; adds the line that
     * says so to {@code lines} and returns {@code added}, {@code updated}, {@code unchanged} (or {@code would be...}),
     * or null, with a warning, when the list gives nothing to write. Onboarding calls it too, for the model chosen.
     */
    static String sync(Json5Document doc, ModelRef ref, List<RouterModel> live, List<Model> merged, boolean write,
            java.util.function.Consumer<String> warn, List<String> lines) {
        RouterModel listed = ref.in(live);
        Resolved r = listed == null ? null : resolve(ref, listed);
        if (r == null) {
            warn.accept(ref.ref() + ": " + (listed == null ? "not in the router's list"
                    : ref.suffix() != null && !ModelRef.POLICIES.contains(ref.suffix())
                            ? ref.suffix() + " does not serve it now" : "no live provider lists a price")
                    + "; its entry is left as it is");
            return null;
        }
        String what = write ? apply(doc, ref, r, named(merged, ref)) : preview(doc.value(), ref);
        lines.add(ref.ref() + ": " + what + " (" + describe(r) + ")");
        return what;
    }

    /** The offer the ref's price comes from, and the budget figures; null when no live offer lists a price. */
    static Resolved resolve(ModelRef ref, RouterModel m) {
        List<RouterModel.Offer> live = new ArrayList<>();
        for (RouterModel.Offer o : m.providers()) if (o.live()) live.add(o);
        String suffix = ref.suffix();
        if (suffix != null && !ModelRef.POLICIES.contains(suffix)) {
            for (RouterModel.Offer o : live) {
                if (o.provider().equals(suffix) && o.priceIn() != null && o.priceOut() != null) {
                    return new Resolved(o, "pinned", o.contextLength(), !Boolean.FALSE.equals(o.supportsTools()));
                }
            }
            return null;
        }
        List<RouterModel.Offer> priced = new ArrayList<>();
        for (RouterModel.Offer o : live) if (o.priceIn() != null && o.priceOut() != null) priced.add(o);
        if (priced.isEmpty()) return null;
        RouterModel.Offer pick = "preferred".equals(suffix) ? null
                : ("cheapest".equals(suffix) ? ProviderPolicy.CHEAPEST : ProviderPolicy.FASTEST).pick(priced);
        String why = "cheapest".equals(suffix) ? "cheapest" : "preferred".equals(suffix) ? "dearest: :preferred "
                + "follows your Hugging Face settings" : "fastest";
        if (pick == null) {
            for (RouterModel.Offer o : priced) {
                if (pick == null || o.priceOut().compareTo(pick.priceOut()) > 0) pick = o;
            }
            if (!"preferred".equals(suffix)) why = "dearest: no throughput listed";
        }
        Long context = null;
        boolean tools = true;
        for (RouterModel.Offer o : live) {
            Long c = o.contextLength();
            if (c != null && (context == null || c < context)) context = c;
            if (Boolean.FALSE.equals(o.supportsTools())) tools = false;
        }
        return new Resolved(pick, why, context, tools);
    }

    /** {@code together, fastest: $3 in, $7 out per 1M tokens; context 163840; tools}. */
    static String describe(Resolved r) {
        return r.priced().provider() + ", " + r.why() + ": $" + r.priced().priceIn().stripTrailingZeros()
                .toPlainString() + " in, $" + r.priced().priceOut().stripTrailingZeros().toPlainString()
                + " out per 1M tokens" + (r.contextWindow() == null ? "" : "; context " + r.contextWindow())
                + (r.tools() ? "; tools" : "; no tools");
    }

    /** The index of the entry whose id is the ref's (as OpenClaw matches: exactly), or -1. */
    static int entry(JsonValue config, ModelRef ref) {
        JsonArray entries = config.arrayAt(ConfigFile.PROVIDER_MODELS);
        if (entries == null) return -1;
        List<JsonValue> all = entries.elements();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof JsonObject o && ref.routerId().equals(o.string("id"))) return i;
        }
        return -1;
    }

    private static String preview(JsonValue config, ModelRef ref) {
        return entry(config, ref) < 0 ? "would be added" : "would be updated";
    }

    /** The fields this writes, in OpenClaw's schema (cost USD per 1M tokens). */
    private static List<Object[]> fields(Resolved r) {
        BigDecimal in = r.priced().priceIn(), out = r.priced().priceOut();
        List<Object[]> fields = new ArrayList<>();
        fields.add(new Object[] {List.of("cost", "input"), usd(in)});
        fields.add(new Object[] {List.of("cost", "output"), usd(out)});
        fields.add(new Object[] {List.of("cost", "cacheRead"), usd(in)});
        fields.add(new Object[] {List.of("cost", "cacheWrite"), usd(in)});
        if (r.contextWindow() != null) fields.add(new Object[] {List.of("contextWindow"),
            JsonValue.of(r.contextWindow())});
        fields.add(new Object[] {List.of("compat", "supportsTools"), JsonValue.of(r.tools())});
        return fields;
    }

    /** Adds or updates the ref's entry; says which ({@code added}, {@code updated}, {@code unchanged}). */
    @SuppressWarnings("unchecked")
    private static String apply(Json5Document doc, ModelRef ref, Resolved r, Model model) {
        int at = entry(doc.value(), ref);
        if (at < 0) {
            List<Object> entry = new ArrayList<>(List.of("id", JsonValue.of(ref.routerId()), "name",
                    JsonValue.of(ref.suffix() == null ? model.name() : model.name() + " (" + ref.suffix() + ")"),
                    "reasoning", JsonValue.of(model.reasoning()), "input", inputs(model)));
            BigDecimal in = r.priced().priceIn();
            entry.addAll(List.of("cost", JsonValue.object("input", usd(in), "output",
                    usd(r.priced().priceOut()), "cacheRead", usd(in), "cacheWrite", usd(in))));
            if (r.contextWindow() != null) entry.addAll(List.of("contextWindow", JsonValue.of(r.contextWindow())));
            entry.addAll(List.of("maxTokens", JsonValue.of(OPENCLAW_MAX_TOKENS), "compat",
                    JsonValue.object("supportsTools", JsonValue.of(r.tools()))));
            doc.append(ConfigFile.PROVIDER_MODELS, JsonValue.object(entry.toArray()));
            return "added";
        }
        boolean changed = false;
        for (Object[] f : fields(r)) changed |= doc.setInElement(ConfigFile.PROVIDER_MODELS, at,
                (List<String>) f[0], (JsonValue) f[1]);
        return changed ? "updated" : "unchanged";
    }

    /** A price as JSON: {@code 3}, {@code 0.55}; never {@code 3.000} or an exponent. */
    private static JsonValue usd(BigDecimal price) {
        return new JsonNumber(price.stripTrailingZeros().toPlainString());
    }

    /** OpenClaw's input kinds for the model: text, and image when it takes images. */
    private static JsonValue inputs(Model model) {
        return model.vision() ? JsonValue.array(JsonValue.of("text"), JsonValue.of("image"))
                : JsonValue.array(JsonValue.of("text"));
    }

    private static Model named(List<Model> merged, ModelRef ref) {
        for (Model m : merged) if (m.suffix() == null && ref.names(m.id())) return m;
        return Model.known(ref.id()).named(Model.nameFromId(ref.id()));
    }
}

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges what is known about the models, each source adding to the one before:
 * <ol>
 * <li>the router's list says which models exist (when it is known);
 * <li>the built-in catalog adds its metadata (reasoning, max tokens, fallback name, context and price)
 *     to the ids it knows; built-in models the router no longer lists are hidden unless asked for;
 * <li>the models the config uses (default, fallbacks, aliases) are always listed: tagged unlisted when the
 *     router's list lacks them;
 * <li>entries of {@code models.providers.huggingface.models[]} in the config keep their own fields and win;
 *     entries for ids nobody else knows are kept too (the user added them).
 * </ol>
 * When several providers serve a model: the context window is the largest any live provider offers
 * (what pinning that provider gets you), and the price is that of the provider {@code :cheapest} would
 * pick (the lowest output price among live providers). Without live figures the built-in ones stand.
 */
final class ModelMerge {
    private ModelMerge() { }

    static List<Model> merge(List<RouterModel> live, Catalog builtIn, JsonValue config, boolean includeUnlisted) {
        Map<String, Model> known = new LinkedHashMap<>();
        for (Model m : builtIn.models()) known.put(m.id(), m);
        Map<String, Model> merged = new LinkedHashMap<>();
        if (live == null) {
            merged.putAll(known);
        } else {
            for (RouterModel r : live) merged.put(r.id(), fromRouter(r, known.get(r.id())));
            if (includeUnlisted) {
                for (Model m : known.values()) {
                    if (!merged.containsKey(m.id())) {
                        merged.put(m.id(), m.asUnlisted());
                    }
                }
            }
        }
        // The models the config uses (default, fallbacks, aliases) are always there, so that a default the router
        // dropped is seen, tagged unlisted, rather than gone from the list.
        // Ids match ignoring case (ModelRef.sameId): a default typed qwen/qwen3-8b is the router's Qwen/Qwen3-8B row.
        for (String id : configured(config)) {
            if (keyOf(merged, id) != null) continue;
            String builtInKey = keyOf(known, id);
            Model m = builtInKey != null ? known.get(builtInKey) : Model.known(id);
            merged.put(m.id(), live == null ? m : m.asUnlisted());
        }
        JsonArray entries = config.arrayAt(ConfigFile.PROVIDER_MODELS);
        if (entries != null) {
            for (JsonObject entry : entries.objects()) {
                String id = entry.string("id");
                // An entry for a ref with a suffix (models sync writes them: OpenClaw budgets each ref by its own
                // entry) describes that ref, not a model of its own: its model's row stays the router's.
                ModelRef suffixed = id == null ? null : ModelRef.orNull(id);
                if (id == null || (suffixed != null && suffixed.suffix() != null)) continue;
                String key = keyOf(merged, ModelRef.withoutPrefix(id));
                if (key == null) key = ModelRef.withoutPrefix(id);
                merged.put(key, merged.getOrDefault(key, Model.known(key)).with(entry));
            }
        }
        // A configured ref with a suffix gets a row of its own after its model's, as OpenClaw lists it, so that its
        // tags (default, fallback#N, alias) are on that row and not on the bare model's.
        List<ModelRef> suffixed = new ArrayList<>();
        for (ModelRef ref : configuredRefs(config)) if (ref.suffix() != null) suffixed.add(ref);
        List<Model> result = new ArrayList<>();
        for (Model m : merged.values()) {
            Model named = m.name() == null ? m.named(Model.nameFromId(m.id())) : m;
            result.add(named);
            for (ModelRef ref : suffixed) if (ref.names(m.id())) result.add(named.withSuffix(ref.suffix()));
        }
        return result;
    }

    /** The key of {@code models} that is the model {@code id} ({@link ModelRef#sameId}), or null. */
    private static String keyOf(Map<String, Model> models, String id) {
        if (models.containsKey(id)) return id;
        for (String key : models.keySet()) if (ModelRef.sameId(key, id)) return key;
        return null;
    }

    /** The refs the config names (default, fallbacks, alias targets), in that order, each once. */
    static List<ModelRef> configuredRefs(JsonValue config) {
        List<String> texts = new ArrayList<>();
        String primary = ConfigFile.string(config, ConfigFile.PRIMARY);
        if (primary != null) texts.add(primary);
        texts.addAll(ConfigFile.fallbacks(config));
        texts.addAll(ConfigFile.aliases(config).values());
        List<ModelRef> refs = new ArrayList<>();
        for (String text : texts) {
            ModelRef ref = text.startsWith(ModelRef.PREFIX) ? ModelRef.orNull(text) : null;
            if (ref == null) continue;
            boolean seen = false;
            for (ModelRef r : refs) seen |= r.names(ref.id()) && java.util.Objects.equals(r.suffix(), ref.suffix());
            if (!seen) refs.add(ref);
        }
        return refs;
    }

    /**
     * The ids of the Hugging Face models the config names: default, fallbacks, alias targets; in that order, each once.
     */
    static List<String> configured(JsonValue config) {
        List<String> ids = new ArrayList<>();
        for (ModelRef ref : configuredRefs(config)) {
            boolean seen = false;
            for (String id : ids) seen |= ref.names(id);
            if (!seen) ids.add(ref.id());
        }
        return ids;
    }

    private static Model fromRouter(RouterModel r, Model builtIn) {
        Model base = builtIn != null ? builtIn : Model.known(r.id());
        long context = base.contextWindow();
        long liveContext = 0;
        for (RouterModel.Offer o : r.providers()) {
            if (o.live() && o.contextLength() != null) liveContext = Math.max(liveContext, o.contextLength());
        }
        RouterModel.Offer cheapest = ProviderPolicy.CHEAPEST.pick(r.providers());
        if (liveContext > 0) context = liveContext;
        BigDecimal in = cheapest != null && cheapest.priceIn() != null ? cheapest.priceIn() : base.costInput();
        BigDecimal out = cheapest != null ? cheapest.priceOut() : base.costOutput();
        String name = r.name() != null ? r.name() : base.name();
        List<String> input = r.input().isEmpty() ? base.input() : r.input();
        return new Model(r.id(), name, base.reasoning(), input, context, base.maxTokens(), in, out, r.providers(),
                false, null);
    }
}

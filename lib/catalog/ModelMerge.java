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
        for (String id : configured(config)) {
            if (merged.containsKey(id)) continue;
            Model m = known.getOrDefault(id, Model.known(id));
            merged.put(id, live == null ? m : m.asUnlisted());
        }
        JsonArray entries = config.arrayAt(ConfigFile.PROVIDER_MODELS);
        if (entries != null) {
            for (JsonObject entry : entries.objects()) {
                String id = entry.string("id");
                if (id == null) continue;
                String key = ModelRef.withoutPrefix(id);
                merged.put(key, merged.getOrDefault(key, Model.known(key)).with(entry));
            }
        }
        List<Model> result = new ArrayList<>();
        for (Model m : merged.values()) result.add(m.name() == null ? m.named(Model.nameFromId(m.id())) : m);
        return result;
    }

    /** The ids of the Hugging Face models the config names: default, fallbacks, alias targets; in that order, each once. */
    static List<String> configured(JsonValue config) {
        List<String> refs = new ArrayList<>();
        String primary = ConfigFile.string(config, ConfigFile.PRIMARY);
        if (primary != null) refs.add(primary);
        refs.addAll(ConfigFile.fallbacks(config));
        refs.addAll(ConfigFile.aliases(config).values());
        List<String> ids = new ArrayList<>();
        for (String ref : refs) {
            String id = ref.startsWith(ModelRef.PREFIX) ? ModelRef.idOrNull(ref) : null;
            if (id != null && !ids.contains(id)) ids.add(id);
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
        return new Model(r.id(), name, base.reasoning(), input, context, base.maxTokens(), in, out, r.providers(), false);
    }
}

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Hugging Face key OpenClaw 2026.9.6 sends, found the way it finds it (its {@code resolveApiKeyForProvider}
 * and {@code resolveAuthProfileOrder}, checked with {@code openclaw agent --local} against a recording router in
 * {@code .ci/interop}), each step giving a key, a reason OpenClaw has none, or a source it uses that we cannot read:
 * <ol>
 * <li>{@code models.providers.huggingface.apiKey} naming a stored profile ({@code huggingface:manual}, which
 *     {@code openclaw models auth paste-api-key} writes): that profile;</li>
 * <li>{@code apiKey} as a SecretRef (or {@code "${NAME}"}), or naming {@code HF_TOKEN}/{@code HUGGINGFACE_HUB_TOKEN}:
 *     that secret, and a SecretRef that does not resolve leaves OpenClaw with no key (it does not fall through);</li>
 * <li>the stored profiles in OpenClaw's order: {@code auth.order.huggingface} (the store's own override first),
 *     else the {@code auth.profiles} ids, else the store's; skipping inactive setup replacements, a mode that does not
 *     match, expired tokens; without an explicit order, least recently used first. A {@code keyRef} that does not
 *     resolve leaves OpenClaw with no key;</li>
 * <li>the environment: {@code HUGGINGFACE_HUB_TOKEN}, then {@code HF_TOKEN} (process, the .env files, {@code
 * env.vars});</li>
 * <li>{@code apiKey} as a literal key.</li>
 * </ol>
 */
final class OpenClawAuth {
    /**
     * The variables OpenClaw reads for Hugging Face, in its order; also the names it takes as an {@code apiKey} marker.
     */
    static final List<String> VARIABLES = List.of("HUGGINGFACE_HUB_TOKEN", "HF_TOKEN");
    static final String API_KEY_PATH = "models.providers.huggingface.apiKey";
    private static final java.util.regex.Pattern VARIABLE_NAME = java.util.regex.Pattern.compile("[A-Z_][A-Z0-9_]*");

    private OpenClawAuth() { }

    /**
     * One step's finding: a {@code token}; or a {@code problem}, {@code fatal} when OpenClaw stops there with no key,
     * else a source OpenClaw uses that this toolkit cannot read. {@code variable}: the environment variable behind it,
     * where a token stored under that name is what OpenClaw will read; {@code literal}: the config's own literal key,
     * which any variable outranks.
     */
    record Found(Token token, String problem, boolean fatal, String variable, boolean literal) {
        static Found of(Token token, String variable) { return new Found(token, null, false, variable, false); }
    }

    /** Every step's finding, in OpenClaw's order (callers stop at the first that decides). */
    static List<Found> steps(Env env, JsonValue config) {
        List<Found> found = new ArrayList<>();
        OpenClawKeys.Store store = OpenClawKeys.find(env, config);
        JsonValue apiKey = config.at(ConfigFile.API_KEY);
        String apiKeyText = apiKey instanceof JsonString s ? s.value().strip() : null;
        // 1. apiKey names a stored profile
        if (apiKeyText != null && store != null && store.profile(apiKeyText) != null) {
            JsonObject p = store.profile(apiKeyText);
            if (setupReplacement(p)) {
                found.add(new Found(null, API_KEY_PATH + " names " + apiKeyText
                        + ", an inactive setup replacement OpenClaw will not use: "
                        + "openclaw models auth activate " + apiKeyText, true, null, false));
            } else {
                found.add(profile(env, config, store, apiKeyText, p, " (named by config apiKey)"));
            }
            return found;
        }
        // 2. apiKey as a SecretRef or a known variable's name
        SecretRef ref = SecretRef.of(apiKey);
        if (ref != null) {
            SecretRef.Resolved r = ref.resolve(env, config, "config " + API_KEY_PATH);
            found.add(r.value() != null ? Found.of(new Token(r.value(), r.source() + " via config apiKey (SecretRef "
                    + ref.label() + ")"), r.variable())
                    : new Found(null, r.problem(), r.fatal(), r.variable(), false));
            if (r.value() != null || r.fatal()) return found;   // else an exec or store ref: what follows is ours alone
        }
        if (ref == null && apiKey != null && !(apiKey instanceof JsonString) && !apiKey.isNull()) {
            found.add(new Found(null, "config " + API_KEY_PATH + " is " + apiKey.describe()
                    + ", neither a key nor a SecretRef: OpenClaw refuses the config", true, null, false));
            return found;
        }
        if (apiKeyText != null && VARIABLES.contains(apiKeyText)) {
            Env.Value v = env.lookup(apiKeyText, VARIABLES);
            if (v != null && !v.value().isBlank()) found.add(Found.of(new Token(v.value().strip(), v.source()
                    + " via config apiKey"), apiKeyText));
        }
        // 3. the stored profiles, in OpenClaw's order
        if (store != null) {
            for (String id : order(config, store)) found.add(profile(env, config, store, id, store.profile(id), ""));
        }
        // 4. the environment
        for (String name : VARIABLES) {
            Env.Value v = env.lookup(name, Token.VARIABLES);
            if (v != null && !v.value().isBlank()) found.add(Found.of(new Token(v.value().strip(), v.source()), name));
        }
        // 5. the literal key
        if (apiKeyText != null && !apiKeyText.isEmpty() && !VARIABLES.contains(apiKeyText)) {
            JsonObject configured = config.objectAt(List.of("auth", "profiles"));
            if (configured != null && configured.object(apiKeyText) != null) {
                found.add(new Found(null, "config apiKey names the auth profile " + apiKeyText
                        + ", which OpenClaw's key store does not hold: "
                        + "OpenClaw would send the name itself as the key; run: openclaw models auth paste-api-key "
                                + "--provider huggingface", false, null, true));
            } else if (VARIABLE_NAME.matcher(apiKeyText).matches()) {
                Env.Value v = env.lookup(apiKeyText);
                if (v != null) {
                    found.add(new Found(new Token(v.value().strip(), v.source() + " via config apiKey", false),
                            "OpenClaw sends the name " + apiKeyText
                                    + " itself as the key; write apiKey as { source: \"env\", provider: \"default\", "
                                            + "id: \""
                                    + apiKeyText + "\" } for both to read the variable", false, null, true));
                }
            } else {
                found.add(new Found(new Token(apiKeyText, "config " + API_KEY_PATH), null, false, null, true));
            }
        }
        return found;
    }

    /** One stored profile's key: its own, or what its {@code keyRef}/{@code tokenRef} resolves to. */
    private static Found profile(Env env, JsonValue config, OpenClawKeys.Store store, String id, JsonObject p,
            String how) {
        String type = p.stringOr("type", "api_key");
        String name = "OpenClaw's " + (store.where().endsWith(".json") ? "auth profile " : "stored key ") + id + how
                + " (" + store.where() + ")";
        if (type.equals("oauth")) {
            return new Found(null, name
                    + " is an OAuth sign-in, which this toolkit does not refresh: set HF_TOKEN for this toolkit", false,
                            null, false);
        }
        String field = type.equals("token") ? "token" : "key";
        String key = p.string(field);
        if (key == null && type.equals("api_key")) key = p.string("token");   // OpenClaw's 2026.1 legacy files
        if (key != null && !key.isBlank()) return Found.of(new Token(key.strip(), name), null);
        SecretRef ref = SecretRef.of(p.get(field + "Ref"));
        if (ref == null) return new Found(null, name + " holds no key", false, null, false);
        String refAt = "OpenClaw's auth profile " + id + how + " (" + field + "Ref, " + store.where() + ")";
        SecretRef.Resolved r = ref.resolve(env, config, refAt);
        if (r.value() == null) return new Found(null, r.problem(), r.fatal(), r.variable(), false);
        return Found.of(new Token(r.value(), r.source() + " via " + refAt), r.variable());
    }

    /** The Hugging Face profile ids OpenClaw tries, in its order, each usable as far as the store shows. */
    static List<String> order(JsonValue config, OpenClawKeys.Store store) {
        JsonObject configured = config.objectAt(List.of("auth", "profiles"));
        List<String> explicit = forProvider(store.order());
        boolean fromStore = explicit != null;
        if (explicit == null) explicit = forProvider(config.objectAt(List.of("auth", "order")));
        List<String> declared = new ArrayList<>();
        if (configured != null) {
            for (String id : configured.members().keySet()) {
                JsonObject c = configured.object(id);
                if (c != null && isProvider(c.string("provider"))) declared.add(id);
            }
        }
        List<String> stored = new ArrayList<>();
        for (String id : store.profiles().members().keySet()) {
            JsonObject p = store.profile(id);
            if (p != null && isProvider(p.string("provider"))) stored.add(id);
        }
        List<String> base = explicit != null ? explicit : !declared.isEmpty() ? declared : stored;
        // Loops, not streams: this runs on models list's path, which keeps clear of lambdas (see Cli.Body).
        List<String> usable = usable(config, store, base);
        boolean allMissing = true;
        for (String id : base) allMissing &= store.profile(id) == null;
        if (usable.isEmpty() && allMissing && (fromStore || !declared.isEmpty())) {
            usable = usable(config, store, stored);
            explicit = null;
        }
        long now = System.currentTimeMillis();
        List<String> ready = new ArrayList<>(), cooling = new ArrayList<>();
        for (String id : usable) (until(store, id) > now ? cooling : ready).add(id);
        if (explicit == null) sortBy(ready, store, true);
        sortBy(cooling, store, false);
        ready.addAll(cooling);
        return ready;
    }

    private static List<String> usable(JsonValue config, OpenClawKeys.Store store, List<String> ids) {
        List<String> usable = new ArrayList<>();
        for (String id : ids) if (!usable.contains(id) && usable(config, store, id)) usable.add(id);
        return usable;
    }

    /** A stable insertion sort: by type and then least recently used ({@code byUse}), else by the end of the rest. */
    private static void sortBy(List<String> ids, OpenClawKeys.Store store, boolean byUse) {
        for (int i = 1; i < ids.size(); i++) {
            String id = ids.get(i);
            int j = i;
            while (j > 0 && before(id, ids.get(j - 1), store, byUse)) {
                ids.set(j, ids.get(j - 1));
                j--;
            }
            ids.set(j, id);
        }
    }

    private static boolean before(String a, String b, OpenClawKeys.Store store, boolean byUse) {
        if (!byUse) return until(store, a) < until(store, b);
        int ta = typeRank(store.profile(a).stringOr("type", "api_key")), tb = typeRank(store.profile(b).stringOr("type",
                "api_key"));
        return ta != tb ? ta < tb : usage(store, a, "lastUsed") < usage(store, b, "lastUsed");
    }

    private static boolean usable(JsonValue config, OpenClawKeys.Store store, String id) {
        JsonObject p = store.profile(id);
        if (p == null || setupReplacement(p) || !isProvider(p.string("provider"))) return false;
        String type = p.stringOr("type", "api_key");
        JsonObject declared = config.objectAt(List.of("auth", "profiles", id));
        if (declared != null) {
            if (!isProvider(declared.string("provider"))) return false;
            String mode = declared.string("mode");
            if (mode != null && !mode.equals(type) && !(mode.equals("oauth") && type.equals("token"))) return false;
        }
        if (type.equals("token") && p.has("expires")) {
            JsonNumber expires = p.number("expires");
            if (expires == null || !expires.isWhole() || expires.longValue() <= 0
                    || expires.longValue() < System.currentTimeMillis()) return false;
        }
        String field = type.equals("token") ? "token" : "key";
        return type.equals("oauth") || p.string(field) != null || p.string("token") != null || p.get(field
                + "Ref") != null;
    }

    private static boolean setupReplacement(JsonObject p) {
        JsonObject setup = p.object("setup");
        return setup != null && setup.boolOr("replacement", false);
    }

    private static int typeRank(String type) {
        return switch (type) {
            case "oauth" -> 0;
            case "token" -> 1;
            case "api_key" -> 2;
            default -> 3;
        };
    }

    private static long usage(OpenClawKeys.Store store, String id, String field) {
        JsonObject u = store.usageStats().object(id);
        return u == null ? 0 : u.longOr(field, 0);
    }

    /** Until when a profile rests after failures (its cooldown or disabled window), 0 when it does not. */
    private static long until(OpenClawKeys.Store store, String id) {
        return Math.max(usage(store, id, "cooldownUntil"), usage(store, id, "disabledUntil"));
    }

    private static boolean isProvider(String provider) { return provider != null
            && provider.strip().toLowerCase(Locale.ROOT).equals(OpenClawKeys.PROVIDER); }

    private static List<String> forProvider(JsonObject order) {
        if (order == null) return null;
        for (String key : order.members().keySet()) {
            if (isProvider(key) && order.array(key) != null) return order.strings(key);
        }
        return null;
    }

    /**
     * Where a token stored now will be read by OpenClaw: the variable to save it under in the state .env, and, when
     * OpenClaw will not read it whatever the name, why not ({@code notRead}, null when it will).
     */
    record Storage(String variable, String notRead) { }

    static Storage storage(Env env, JsonValue config, String token) {
        for (Found f : steps(env, config)) {
            if (f.literal()) break;                   // a variable outranks the config's literal key
            if (f.variable() != null) return new Storage(f.variable(), null);
            if (f.token() != null) {
                return new Storage("HF_TOKEN", f.token().secret().equals(Token.clean(token)) ? null : "it sends "
                        + f.token().source() + " instead");
            }
            return new Storage("HF_TOKEN", f.problem());
        }
        return new Storage("HF_TOKEN", null);
    }
}

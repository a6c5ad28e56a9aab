import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OpenClaw's model policy (2026.9.6, its docs/concepts/models.md and what its own edits were seen to do):
 * {@code agents.defaults.modelPolicy.allow} is the user's allowlist of exact refs and {@code provider/*},
 * {@code provider/namespace/*} wildcards; absent or {@code []}, any model is allowed. It is the user's policy:
 * {@code openclaw models set}, {@code fallbacks add} and {@code aliases add} never change it, and neither do we.
 * <p>
 * An edit that names a model does what OpenClaw's do ({@link #record}): the model gets its entry in
 * {@code agents.defaults.models}; a config that has not been through OpenClaw's migration is first migrated as
 * OpenClaw's first write migrates it ({@code materializeModelPolicyAllowlist}): a legacy map (no marker, no
 * {@code modelPolicy}, a non-empty models map, whose keys were the allowlist) becomes
 * {@code modelPolicy.allow} holding the keys it had before the edit, when every key is a ref OpenClaw accepts;
 * one with a key it cannot qualify ({@code gpt-4}) stays legacy, and there an added entry widens the restriction,
 * which we say ({@link #widens}). Then the marker {@code meta.migrations.modelPolicyAllowlist} is set.
 * <p>
 * {@link #refusal} says when a model is outside the policy. OpenClaw refuses such a model as a choice
 * ({@code /model}, {@code --model}); as the configured default it is refused ({@link #refusesAsDefault}) only
 * under a policy with a wildcard: an exact-only list still runs its configured default.
 */
final class ModelAllowlist {
    static final List<String> MARKER = List.of("meta", "migrations", "modelPolicyAllowlist");
    static final List<String> ALLOW = List.of("agents", "defaults", "modelPolicy", "allow");
    static final List<String> POLICY = List.of("agents", "defaults", "modelPolicy");
    static final String ALLOW_PATH = "agents.defaults.modelPolicy.allow";
    static final String LEGACY_PATH = "agents.defaults.models";

    private ModelAllowlist() { }

    /** The policy in force: the refs and where they are; null when any model is allowed. */
    record Policy(List<String> refs, String path) {
        boolean hasWildcard() {
            for (String r : refs) if (r.strip().endsWith("/*")) return true;
            return false;
        }
    }

    /** The policy of {@code root}, as OpenClaw reads it (an explicit {@code allow}, else an unmigrated legacy map). */
    static Policy policy(JsonValue root) {
        JsonObject policy = root.objectAt(POLICY);
        if (policy != null && policy.members().containsKey("allow")) {
            List<String> refs = policy.strings("allow");
            return refs.isEmpty() ? null : new Policy(refs, ALLOW_PATH);
        }
        List<String> legacy = legacyRefs(root);
        return legacy == null ? null : new Policy(legacy, LEGACY_PATH);
    }

    /** The keys of an unmigrated legacy models map (no marker, no modelPolicy), or null. */
    static List<String> legacyRefs(JsonValue root) {
        if (root.at(MARKER) instanceof JsonBoolean b && b.value()) return null;
        if (root.at(POLICY) instanceof JsonObject) return null;
        JsonObject models = root.objectAt(ConfigFile.MODELS);
        if (models == null) return null;
        List<String> refs = new ArrayList<>();
        for (String key : models.members().keySet()) if (!key.isBlank()) refs.add(key);
        return refs.isEmpty() ? null : refs;
    }

    /** Whether {@code ref} may be chosen under {@code root}'s policy. */
    static boolean allows(JsonValue root, String ref) {
        Policy p = policy(root);
        if (p == null) return true;
        Map<String, String> aliases = ConfigFile.aliases(root);
        for (String raw : p.refs()) {
            String entry = raw.strip();
            if (entry.endsWith("/*")) {
                String prefix = canonical(entry.substring(0, entry.length() - 1));
                if (canonical(ref).startsWith(prefix)) return true;
            } else if (canonical(entry).equals(canonical(ref)) || ref.equals(aliases.get(entry))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code huggingface/deepseek-ai/DeepSeek-R1 is not allowed by agents.defaults.modelPolicy.allow
     * (huggingface/Qwen/*); OpenClaw will refuse it}, or null.
     */
    static String refusal(JsonValue root, String ref) {
        if (allows(root, ref)) return null;
        Policy p = policy(root);
        return ref + " is not allowed by " + p.path() + " (" + String.join(", ", p.refs())
                + "); OpenClaw will refuse it";
    }

    /** Whether OpenClaw would not run {@code ref} as the configured default: outside a policy that has a wildcard. */
    static boolean refusesAsDefault(JsonValue root, String ref) {
        Policy p = policy(root);
        return p != null && p.hasWildcard() && !allows(root, ref);
    }

    /**
     * What a model's role is to OpenClaw's policy: the default runs unless a wildcard policy excludes it; a choice
     * never.
     */
    enum Role { DEFAULT, FALLBACK, ALIAS }

    /**
     * What the user should know after an edit gave {@code ref} its {@code role}: {@code before} and {@code after}
     * the edit. Empty when the policy lets it be, as nearly always.
     */
    static List<String> notes(JsonValue before, JsonValue after, String ref, Role role) {
        List<String> notes = new ArrayList<>();
        String widened = widens(before, ref);
        if (widened != null) notes.add(widened);
        else if (!allows(after, ref)) notes.add(outside(after, ref, role));
        return notes;
    }

    /** The sentence for a {@code ref} outside {@code root}'s policy, as its {@code role} makes OpenClaw treat it. */
    static String outside(JsonValue root, String ref, Role role) {
        if (role != Role.DEFAULT || refusesAsDefault(root, ref)) return refusal(root, ref);
        Policy p = policy(root);
        return ref + " is not in " + p.path() + " (" + String.join(", ", p.refs())
                + "): OpenClaw runs it as the configured default,"
                + " but refuses it as a /model choice";
    }

    /**
     * What recording {@code ref} does to a legacy map OpenClaw could not migrate, said for the user: the map is the
     * allowlist, and a new entry lets OpenClaw use the model. Null when the edit widens nothing.
     */
    static String widens(JsonValue before, String ref) {
        List<String> legacy = legacyRefs(before);
        if (legacy == null || legacy.contains(ref) || migratable(before, legacy)) return null;
        return LEGACY_PATH + " is OpenClaw's legacy allowlist (" + String.join(", ", legacy)
                + "; not every key names its provider, so OpenClaw"
                + " has not made it " + ALLOW_PATH + "): its entry for " + ref + " lets OpenClaw use " + ref
                + "; set " + ALLOW_PATH + " to keep a restriction of your own";
    }

    /**
     * Records {@code ref} as OpenClaw's own edits do: OpenClaw's migration first (see the class comment), then the
     * model's entry in {@code agents.defaults.models} ({@code {}} if it had none). {@code modelPolicy.allow} is
     * never changed, but for the migration writing it from a legacy map, as OpenClaw's first write does.
     */
    static void record(Json5Document doc, String ref) {
        migrate(doc);
        List<String> entry = new ArrayList<>(ConfigFile.MODELS);
        entry.add(ref);
        if (doc.value().objectAt(entry) == null) doc.set(entry, JsonValue.object());
    }

    /** OpenClaw's {@code materializeModelPolicyAllowlist}, on the config as it was before this edit. */
    private static void migrate(Json5Document doc) {
        JsonValue before = doc.value();
        if (before.at(MARKER) instanceof JsonBoolean b && b.value()) return;
        List<String> legacy = legacyRefs(before);
        if (legacy != null) {
            if (!migratable(before, legacy)) return;   // deferred, as OpenClaw defers it: legacy it stays
            doc.set(ALLOW, JsonArray.ofStrings(legacy));
        }
        doc.set(MARKER, JsonValue.TRUE);
    }

    /**
     * Whether every legacy key is a ref OpenClaw's migration accepts: an exact provider/model, a wildcard, an alias.
     */
    private static boolean migratable(JsonValue root, List<String> legacy) {
        java.util.Set<String> aliases = new java.util.HashSet<>();
        for (String a : ConfigFile.aliases(root).keySet()) aliases.add(a.toLowerCase(Locale.ROOT));
        for (String key : legacy) {
            String k = key.strip();
            if (aliases.contains(k.toLowerCase(Locale.ROOT)) || k.equalsIgnoreCase("openrouter:auto")
                    || k.equalsIgnoreCase("openrouter:free")) continue;
            String[] segments = (k.endsWith("/*") ? k.substring(0, k.length() - 2) : k).split("/", -1);
            if (segments.length < (k.endsWith("/*") ? 1 : 2)) return false;
            for (String s : segments) if (s.isEmpty() || s.contains("*")
                    || !s.codePoints().noneMatch(c -> Character.isWhitespace(c) || c < 0x20 || c == 0x7f)) return false;
        }
        return true;
    }

    /** A ref as OpenClaw compares it: the provider in lower case. */
    private static String canonical(String ref) {
        int slash = ref.indexOf('/');
        return slash < 0 ? ref : ref.substring(0, slash).toLowerCase(Locale.ROOT) + ref.substring(slash);
    }
}

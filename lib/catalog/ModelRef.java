import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A model reference: {@code huggingface/<org>/<model>[:suffix]} in OpenClaw's config,
 * {@code <org>/<model>[:suffix]} on the router. The suffix picks how the router chooses a backend:
 * {@code :fastest} (also the default), {@code :cheapest}, {@code :preferred} (the user's order in their
 * Hugging Face settings) or {@code :<provider>} to pin one. The router never sees {@code huggingface/}.
 */
record ModelRef(String id, String suffix) {
    static final String PREFIX = "huggingface/";
    /** What OpenClaw's onboarding sets, and what chat uses when the config names no default. */
    static final String DEFAULT_MODEL = "huggingface/deepseek-ai/DeepSeek-R1";
    static final List<String> POLICIES = List.of("fastest", "cheapest", "preferred");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /**
     * Whether {@code name} can stand as a {@code :provider} suffix: lower-case letters, digits and '-', not
     * {@code auto} nor a policy. What a conversation may stick to: a provider's name from outside (the router's
     * {@code x-inference-provider} header, the log) is used only when it is one.
     */
    static boolean isProviderName(String name) {
        return name != null && name.length() <= 64 && PROVIDER.matcher(name).matches() && !name.equals("auto")
                && !POLICIES.contains(name);
    }

    /**
     * The one rule for "same model": Hub ids compare ignoring case, as the router takes them ({@code qwen/qwen3-8b}
     * is {@code Qwen/Qwen3-8B}). Every comparison of model ids goes through here.
     */
    static boolean sameId(String a, String b) { return a != null && a.equalsIgnoreCase(b); }

    /** Whether this ref names the model {@code id}, whatever its suffix. */
    boolean names(String id) { return sameId(this.id, id); }

    /** Whether {@code text} is this very ref: the same model with the same suffix (or none). */
    boolean isRef(String text) {
        ModelRef other = orNull(text);
        return other != null && names(other.id) && java.util.Objects.equals(suffix, other.suffix);
    }

    /** This model with {@code newSuffix} (null: none): the one place a suffix is put on. */
    ModelRef withSuffix(String newSuffix) { return new ModelRef(id, newSuffix); }

    /** The router's entry for this model, or null when the list lacks it (or is not known). */
    RouterModel in(List<RouterModel> live) {
        if (live != null) for (RouterModel m : live) if (names(m.id())) return m;
        return null;
    }

    /** This ref with the id as the router's list spells it, when the list has it: what is written to the config. */
    ModelRef canonical(List<RouterModel> live) {
        RouterModel m = in(live);
        return m == null || m.id().equals(id) ? this : new ModelRef(m.id(), suffix);
    }

    /** Reads a ref or a bare id; throws {@link ModelRefException} saying what is wrong. */
    static ModelRef parse(String text) {
        String s = withoutPrefix(text.strip());
        String suffix = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            suffix = s.substring(colon + 1);
            s = s.substring(0, colon);
        }
        String[] parts = s.split("/", -1);
        if (parts.length != 2 || !PART.matcher(parts[0]).matches() || !PART.matcher(parts[1]).matches()) {
            throw new ModelRefException("'" + text
                    + "' is not a model: use huggingface/<org>/<model>[:suffix], <org>/<model>, or an alias");
        }
        if (suffix != null) {
            if (suffix.equals("auto") || !PROVIDER.matcher(suffix).matches()) {
                throw new ModelRefException("':" + suffix
                        + "' is not a valid suffix: use :fastest, :cheapest, :preferred or :<provider> (e.g. "
                                + ":together)");
            }
        }
        return new ModelRef(s, suffix);
    }

    /**
     * The model id {@code text} names when it is a ref or an id, else null: for text from a config, not from the user.
     */
    static String idOrNull(String text) {
        ModelRef ref = orNull(text);
        return ref == null ? null : ref.id();
    }

    /** The ref {@code text} is, or null when it is none: for text from a config, not from the user. */
    static ModelRef orNull(String text) {
        if (text == null) return null;
        try {
            return parse(text);
        } catch (ModelRefException notARef) {
            return null;
        }
    }

    /** {@code text} without the {@code huggingface/} prefix (in any case), when it has one. */
    static String withoutPrefix(String text) {
        return text.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? text.substring(PREFIX.length()) : text;
    }

    /**
     * The model id that {@code text} names, lower-cased, without prefix and suffix, whether or not it is a
     * valid ref: what "did you mean" compares with the known ids.
     */
    static String looseId(String text) {
        String s = withoutPrefix(text.strip()).toLowerCase(java.util.Locale.ROOT);
        int colon = s.indexOf(':');
        return colon >= 0 ? s.substring(0, colon) : s;
    }

    /**
     * Whether {@code text} can be an alias: not blank, and with no {@code /} or {@code :}, which would make it look
     * like a ref.
     */
    static boolean isAliasName(String text) {
        return !text.isBlank() && text.indexOf('/') < 0 && text.indexOf(':') < 0;
    }

    /**
     * An alias from the config (exact, then ignoring case), else a ref or id; a ref or id is never taken for an alias.
     */
    static ModelRef resolve(String text, Map<String, String> aliases) {
        // A ref or an id is what it says, whatever the aliases: only a bare name can be an alias.
        if (!isAliasName(text)) return parse(text);
        String target = aliases.get(text);
        if (target == null) {
            for (Map.Entry<String,
                    String> a : aliases.entrySet()) if (a.getKey().equalsIgnoreCase(text)) target = a.getValue();
        }
        return parse(target != null ? target : text);
    }

    /**
     * Refuses a pinned provider that the known router list says does not serve this model, naming those
     * that do. Without a list, or for a model it does not have, there is nothing to check against.
     */
    void requireServed(List<RouterModel> live) {
        RouterModel m = provider() == null ? null : in(live);
        if (m == null) return;
        List<String> serving = new java.util.ArrayList<>();
        for (RouterModel.Offer o : m.providers()) {
            if (o.provider().equalsIgnoreCase(provider())) return;
            serving.add(o.provider());
        }
        throw new ModelRefException("':" + suffix + "' does not serve " + id + "; providers that do: "
                + (serving.isEmpty() ? "none listed" : String.join(", ", serving)));
    }

    String ref() { return PREFIX + routerId(); }

    /** What the router is sent: the id and suffix, never the {@code huggingface/} prefix. */
    String routerId() { return suffix == null ? id : id + ":" + suffix; }

    /** {@code :cheapest} and {@code :fastest} let the router pick: no backend choice is offered. */
    boolean providerLocked() { return "cheapest".equals(suffix) || "fastest".equals(suffix); }

    /** The pinned provider, or null for a policy or no suffix. */
    String provider() { return suffix == null || POLICIES.contains(suffix) ? null : suffix; }
}

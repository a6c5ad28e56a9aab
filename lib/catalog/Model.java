import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One chat model as the toolkit shows it, in the shape of an entry of OpenClaw's
 * {@code models.providers.huggingface.models[]} (ids are Hub repo ids, never with a suffix), plus the
 * providers that serve it when the router's list is known. Costs are USD per million tokens; null when
 * unknown. {@code unlisted}: in the built-in catalog but not in the router's current list. {@code suffix}: null,
 * except on the row of a configured ref with a suffix ({@code :cheapest}), which OpenClaw lists on a row of its own.
 */
record Model(String id, String name, boolean reasoning, List<String> input, long contextWindow, long maxTokens,
             BigDecimal costInput, BigDecimal costOutput, List<RouterModel.Offer> providers, boolean unlisted,
                     String suffix) {

    static final long DEFAULT_MAX_TOKENS = 8192;
    /** What OpenClaw takes for a model whose context window nobody states (its built-in catalog's figure). */
    static final long DEFAULT_CONTEXT_WINDOW = 131072;

    /** The OpenClaw ref: {@code huggingface/<org>/<model>[:suffix]}. */
    String ref() { return new ModelRef(id, suffix).ref(); }

    /** This model's row for the configured ref with {@code newSuffix}. */
    Model withSuffix(String newSuffix) {
        return new Model(id, name, reasoning, input, contextWindow, maxTokens, costInput, costOutput, providers,
                unlisted, newSuffix);
    }

    boolean vision() { return input.contains("image"); }

    /** True when some live provider says it supports tool calls. */
    boolean tools() {
        for (RouterModel.Offer o : providers) if (o.live() && Boolean.TRUE.equals(o.supportsTools())) return true;
        return false;
    }

    /** Reads one entry of catalog.json; fails naming the entry and the field that is missing. */
    static Model fromJson(JsonValue value) {
        JsonObject o = value.asObject();
        String id = o.string("id");
        if (id == null) throw new JsonException("a model has no id");
        for (String field : List.of("contextWindow", "maxTokens")) {
            if (!o.has(field)) throw new JsonException("model " + id + " has no " + field);
        }
        return known(id).with(o);
    }

    /** A model known only by its id: text in, no figures yet; the sources of {@link ModelMerge} fill it in. */
    static Model known(String id) {
        return new Model(id, null, false, List.of("text"), DEFAULT_CONTEXT_WINDOW, DEFAULT_MAX_TOKENS, null, null,
                List.of(), false, null);
    }

    Model named(String newName) {
        return new Model(id, newName, reasoning, input, contextWindow, maxTokens, costInput, costOutput, providers,
                unlisted, suffix);
    }

    /** This model marked as one the router no longer lists. */
    Model asUnlisted() {
        return new Model(id, name, reasoning, input, contextWindow, maxTokens, costInput, costOutput, providers, true,
                suffix);
    }

    /**
     * This model with the fields {@code entry} carries (the OpenClaw model-entry shape: name, reasoning,
     * input, contextWindow, maxTokens, cost{input, output}); fields it does not carry, or carries with
     * the wrong kind of value, stay as they were.
     */
    Model with(JsonObject entry) {
        String n = entry.string("name");
        List<String> in = entry.strings("input");
        JsonObject cost = entry.object("cost");
        BigDecimal ci = cost == null ? null : cost.decimal("input"), co = cost == null ? null : cost.decimal("output");
        return new Model(id, n != null && !n.isBlank() ? n : name, entry.boolOr("reasoning", reasoning), in.isEmpty()
                ? input : List.copyOf(in),
                entry.longOr("contextWindow", contextWindow), entry.longOr("maxTokens", maxTokens),
                ci != null ? ci : costInput, co != null ? co : costOutput, providers, unlisted, suffix);
    }

    /** A display name from the id, for models nobody named: {@code deepseek-ai/DeepSeek-R1} -> "DeepSeek R1". */
    static String nameFromId(String id) {
        // Plain character tests, no regexes: this runs for every unnamed model on each start-up.
        StringBuilder name = new StringBuilder();
        int i = id.indexOf('/') + 1;
        while (i < id.length()) {
            int end = i;
            while (end < id.length() && !isSeparator(id.charAt(end))) end++;
            if (end > i) {
                if (name.length() > 0) name.append(' ');
                name.append(word(id.substring(i, end)));
            }
            i = end + 1;
        }
        return name.toString();
    }

    private static boolean isSeparator(char c) { return c == '-' || c == '_' || c == ' '; }

    /** {@code 120b} -> "120B", {@code gpt} -> "GPT", {@code instruct} -> "Instruct"; others as they are. */
    private static String word(String w) {
        char first = w.charAt(0);
        if (isSize(w) || (w.length() <= 3 && allLowerAscii(w))) return w.toUpperCase(Locale.ROOT);
        if (first >= 'a' && first <= 'z') return Character.toUpperCase(first) + w.substring(1);
        return w;
    }

    /** Digits, optionally a dot and more digits, then b, m or k: a parameter count like 7b or 1.5b. */
    private static boolean isSize(String w) {
        int i = 0, n = w.length() - 1;
        char unit = w.charAt(n);
        if (n == 0 || (unit != 'b' && unit != 'm' && unit != 'k')) return false;
        while (i < n && isDigit(w.charAt(i))) i++;
        if (i == 0) return false;
        if (i == n) return true;
        if (w.charAt(i) != '.' || i + 1 == n) return false;
        for (i++; i < n; i++) if (!isDigit(w.charAt(i))) return false;
        return true;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean allLowerAscii(String w) {
        for (int i = 0; i < w.length(); i++) if (w.charAt(i) < 'a' || w.charAt(i) > 'z') return false;
        return true;
    }
}

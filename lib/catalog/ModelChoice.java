import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A MODEL the user typed (an alias, a ref or a bare id) made into the ref to write into the config, for
 * every command that writes one ({@code models set}, {@code fallbacks add}, {@code aliases add},
 * {@code onboard --model}). Offline: checked against the router's list as cached by the last
 * {@code models list}, when there is one, and the config's own {@code models[]} entries. A model neither
 * has is refused with the nearest ids ({@code --force} writes it all the same); with no list at all, it is
 * written with a warning. A pinned provider that the cached list says does not serve the model is refused.
 */
final class ModelChoice {
    private ModelChoice() { }

    /** What a check found: the ref, and a warning to print when it could not be checked (else null). */
    record Checked(String ref, String warning) { }

    /**
     * The ref for {@code model}; a usage error when it is not one; a failure when the known list lacks it (unless
     * {@code force}).
     */
    static Checked ref(Env env, JsonValue root, String model, boolean force) {
        ModelRef ref;
        try {
            ref = ModelRef.resolve(model, ConfigFile.aliases(root));
        } catch (ModelRefException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        List<RouterModel> live = new Discovery(env, root, Instant.now()).discover(new Discovery.Options(true, false,
                Duration.ZERO)).live();
        // Written as the router's list spells it (qwen/qwen3-8b -> Qwen/Qwen3-8B): OpenClaw compares refs exactly.
        ref = ref.canonical(live);
        if (force) return new Checked(ref.ref(), null);
        if (live == null) {
            return new Checked(ref.ref(), "no model list is cached, so " + ref.ref()
                    + " was not checked; '" + Invocation.command("models") + " list' fetches one");
        }
        List<Model> known = ModelMerge.merge(live, Catalog.builtIn(), root, false);
        boolean found = false;
        for (Model m : known) found |= ref.names(m.id());
        if (!found) throw new Cli.Failure("no model " + ref.id() + " in the router's list" + suggestions(model, known)
                + " (--force writes it anyway)");
        try {
            ref.requireServed(live);
        } catch (ModelRefException e) {
            throw new Cli.Failure(e.getMessage());
        }
        return new Checked(ref.ref(), null);
    }

    /**
     * "; did you mean a, b or c?" with the ids nearest to what was typed, or "; see 'models list'" when none is near.
     */
    static String suggestions(String wanted, List<Model> models) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();   // a configured suffixed ref's row: its id again
        for (Model m : models) ids.add(m.id());
        return suggestionsAmong(wanted, new ArrayList<>(ids));
    }

    /** {@link #suggestions} among Hub ids (the router's list), each said as its ref. */
    static String suggestionsAmong(String wanted, List<String> ids) {
        String key = ModelRef.looseId(wanted);
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparingInt(id -> distance(key, id)));
        List<String> close = new ArrayList<>();
        for (String id : sorted) {
            if (close.size() == 3 || distance(key, id) > Math.max(3, key.length() / 2)) break;
            close.add(Printable.line(ModelRef.PREFIX + id));
        }
        if (close.isEmpty()) return "; see '" + Invocation.command("models") + " list'";
        return "; did you mean " + String.join(", ", close) + "?";
    }

    /** Distance to the id, or to its name part alone when that is nearer (people type just the model). */
    private static int distance(String key, String hubId) {
        String id = hubId.toLowerCase(java.util.Locale.ROOT);
        return Math.min(Suggestions.distance(key, id), Suggestions.distance(key, id.substring(id.indexOf('/') + 1)));
    }
}

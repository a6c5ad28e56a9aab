import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code models} subcommands that edit the config: {@code set}, {@code fallbacks} and {@code aliases}
 * ({@code status} is {@link StatusCommand}). Each edit says what it changed in one line; listing and
 * adding are idempotent.
 */
final class ConfigCommands {
    private final CommandLine cli;
    private final Env env;
    private final PrintStream out;
    private final ConfigFile config;

    ConfigCommands(CommandLine cli, Env env, PrintStream out) {
        this.cli = cli;
        this.env = env;
        this.out = out;
        this.config = ConfigFile.of(env);
    }

    /** {@code models set MODEL [--force]}. */
    int set() {
        boolean force = cli.flag("--force");
        String model = operand("MODEL");
        noMore(model);
        String[] previous = new String[1];
        boolean[] wasFallback = new boolean[1];
        List<String> notes = new java.util.ArrayList<>();
        String ref = config.update(doc -> {
            JsonValue before = doc.value();
            String resolved = ref(doc.value(), model, force);
            previous[0] = ConfigFile.string(doc.value(), ConfigFile.PRIMARY);
            doc.set(ConfigFile.PRIMARY, JsonValue.of(resolved));
            // The chain tries each model once: the new default leaves the fallbacks.
            int asFallback = ConfigFile.fallbacks(doc.value()).indexOf(resolved);
            if (asFallback >= 0) {
                doc.removeElement(ConfigFile.FALLBACKS, stringIndex(doc, asFallback));
                wasFallback[0] = true;
            }
            // as OpenClaw's set; nothing when nothing changes
            if (!resolved.equals(previous[0])) ModelAllowlist.record(doc, resolved);
            notes.addAll(ModelAllowlist.notes(before, doc.value(), resolved, ModelAllowlist.Role.DEFAULT));
            return resolved;
        });
        if (ref.equals(previous[0])) out.println("Default model is already " + ref);
        else out.println("Default model: " + ref + (previous[0] == null ? "" : " (was " + previous[0] + ")")
                + (wasFallback[0] ? "; no longer a fallback" : ""));
        for (String note : notes) out.println("Note: " + note);
        return Cli.OK;
    }

    /** {@code models fallbacks list|add MODEL|remove MODEL|clear}. */
    int fallbacks() {
        String action = cli.hasNext() ? cli.next() : "list";
        switch (action) {
            case "list" -> {
                noMore();
                List<String> refs = ConfigFile.fallbacks(config.read());
                for (int i = 0; i < refs.size(); i++) out.println((i + 1) + ". " + refs.get(i));
                if (refs.isEmpty()) out.println("No fallbacks.");
            }
            case "add" -> {
                boolean force = cli.flag("--force");
                String model = operand("MODEL");
                noMore();
                out.println(edit(doc -> {
                    String ref = ref(doc.value(), model, force);
                    List<String> refs = ConfigFile.fallbacks(doc.value());
                    if (refs.contains(ref)) return ref + " is already fallback #" + (refs.indexOf(ref) + 1);
                    if (ref.equals(ConfigFile.string(doc.value(), ConfigFile.PRIMARY))) {
                        throw new Cli.Failure(ref + " is the default model: a model cannot be its own fallback");
                    }
                    JsonValue before = doc.value();
                    doc.append(ConfigFile.FALLBACKS, JsonValue.of(ref));
                    ModelAllowlist.record(doc, ref);
                    return "Added fallback #" + (refs.size() + 1) + ": " + ref + noted(ModelAllowlist.notes(before,
                            doc.value(), ref, ModelAllowlist.Role.FALLBACK));
                }));
            }
            case "remove" -> {
                String model = operand("MODEL");
                noMore();
                out.println(edit(doc -> {
                    String ref = removable(doc.value(), model);
                    int index = ConfigFile.fallbacks(doc.value()).indexOf(ref);
                    if (index < 0) throw new Cli.Failure(ref + " is not a fallback");
                    doc.removeElement(ConfigFile.FALLBACKS, stringIndex(doc, index));
                    return "Removed fallback " + ref;
                }));
            }
            case "clear" -> {
                noMore();
                out.println(edit(doc -> {
                    int n = ConfigFile.fallbacks(doc.value()).size();
                    if (n == 0) return "No fallbacks to clear.";
                    doc.set(ConfigFile.FALLBACKS, JsonValue.array());
                    return "Cleared " + n + (n == 1 ? " fallback." : " fallbacks.");
                }));
            }
            default -> throw cli.unknown(action, "list", "add", "remove", "clear");
        }
        return Cli.OK;
    }

    /** {@code models aliases list|add ALIAS MODEL|remove ALIAS}. */
    int aliases() {
        String action = cli.hasNext() ? cli.next() : "list";
        switch (action) {
            case "list" -> {
                noMore();
                Map<String, String> aliases = ConfigFile.aliases(config.read());
                aliases.forEach((alias, ref) -> out.println(alias + " -> " + ref));
                if (aliases.isEmpty()) out.println("No aliases.");
            }
            case "add" -> {
                boolean force = cli.flag("--force");
                String alias = operand("ALIAS");
                String model = operand("MODEL");
                noMore();
                if (alias.isBlank()) throw new Cli.UsageException("an alias cannot be empty");
                if (!ModelRef.isAliasName(alias)) {
                    throw new Cli.UsageException("'" + alias
                            + "' cannot be an alias: with a '/' or ':' it would look like a model ref");
                }
                out.println(edit(doc -> {
                    String ref = ref(doc.value(), model, force);
                    Map<String, String> aliases = ConfigFile.aliases(doc.value());
                    String old = aliases.get(alias);
                    if (ref.equals(old)) return "Alias " + alias + " already -> " + ref;
                    // A model has one alias, in OpenClaw as here: giving it another replaces the first.
                    String replaced = doc.value().stringAt(aliasPath(ref));
                    JsonValue before = doc.value();
                    if (old != null) doc.remove(aliasPath(old));
                    ModelAllowlist.record(doc, ref);
                    doc.set(aliasPath(ref), JsonValue.of(alias));
                    return "Alias " + alias + " -> " + ref + (old == null ? "" : " (was " + old + ")")
                            + (replaced == null ? "" : " in place of its alias " + replaced
                                    + " (a model has one alias)")
                            + noted(ModelAllowlist.notes(before, doc.value(), ref, ModelAllowlist.Role.ALIAS));
                }));
            }
            case "remove" -> {
                String alias = operand("ALIAS");
                noMore();
                out.println(edit(doc -> {
                    String ref = ConfigFile.aliases(doc.value()).get(alias);
                    if (ref == null) throw new Cli.Failure("no alias " + alias);
                    doc.remove(aliasPath(ref));
                    return "Removed alias " + alias + " (was " + ref + ")";
                }));
            }
            default -> throw cli.unknown(action, "list", "add", "remove");
        }
        return Cli.OK;
    }

    // ---- helpers

    /** An edit of the config whose result is the one line that says what changed. */
    private String edit(Function<Json5Document, String> change) {
        return config.update(change);
    }

    /**
     * The ref for MODEL (alias, ref or bare id), as {@link ModelChoice} checks it; a warning when it could not be
     * checked.
     */
    private String ref(JsonValue root, String model, boolean force) {
        ModelChoice.Checked checked = ModelChoice.ref(env, root, model, force);
        if (checked.warning() != null) env.warn(checked.warning());
        return checked.ref();
    }

    /** The ref for a MODEL to take out of the config: only its form matters, not whether the router still lists it. */
    private String removable(JsonValue root, String model) {
        try {
            return ModelRef.resolve(model, ConfigFile.aliases(root)).ref();
        } catch (ModelRefException e) {
            throw new Cli.UsageException(e.getMessage());
        }
    }

    private static List<String> aliasPath(String ref) {
        List<String> path = new ArrayList<>(ConfigFile.MODELS);
        path.add(ref);
        path.add("alias");
        return path;
    }

    /** The array index of the {@code n}th string element (fallbacks skips non-strings). */
    private static int stringIndex(Json5Document doc, int n) {
        List<JsonValue> elements = doc.value().at(ConfigFile.FALLBACKS).asArray().elements();
        for (int i = 0, seen = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof JsonString && seen++ == n) return i;
        }
        throw new IllegalStateException("no string element " + n);
    }

    private String operand(String name) {
        if (!cli.hasNext() || cli.peek().startsWith("--")) throw new Cli.UsageException("missing " + name);
        return cli.next();
    }

    /** What set, fallbacks add and aliases add take. */
    static final Options OPTIONS = new Options()
            .add("--force", null, null, "write MODEL even when the cached router list lacks it");

    private void noMore() { noMore(null); }

    /**
     * Nothing may follow; a word after {@code model} is most likely the rest of an alias typed unquoted ({@code models
     * set Hugging Face}), and is said so.
     */
    private void noMore(String model) {
        if (!cli.hasNext()) return;
        String arg = cli.next();
        if (arg.startsWith("-")) OPTIONS.take(cli, arg);   // a typo of --force is said as one
        if (model != null) {
            StringBuilder words = new StringBuilder(model).append(' ').append(arg);
            while (cli.hasNext() && !cli.peek().startsWith("-")) words.append(' ').append(cli.next());
            String typed = Printable.line(words.toString());
            throw new Cli.UsageException("one MODEL, not '" + typed + "': quote an alias with spaces ("
                    + Invocation.command("models") + " set \"" + typed + "\")");
        }
        throw cli.unknown(arg);
    }

    /** Notes after an edit's line, each a line {@code Note: ...} of its own. */
    private static String noted(List<String> notes) {
        StringBuilder sb = new StringBuilder();
        for (String note : notes) sb.append("\nNote: ").append(note);
        return sb.toString();
    }
}

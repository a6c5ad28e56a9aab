import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code models sync}: the entries of {@link ModelEntries} for every Hugging Face ref the config uses (the default,
 * the fallbacks, the models of {@code agents.defaults.models}), from the model list; {@code --dry-run} says what would
 * change.
 */
final class SyncCommand {
    static final Options OPTIONS = new Options()
            .add("--dry-run", null, null, "say what would change, and write nothing")
            .add("--offline", null, null, "the cached list only (no network)")
            .add("--refresh", null, null, "ask the router even when the cached list is fresh")
            .add("--timeout", null, "S", "give up on the router after S seconds (default 30)")
            .oneOf("--offline", "--refresh");

    private final CommandLine cli;
    private final Env env;
    private final Term term;
    private final PrintStream out;
    private final PrintStream err;

    SyncCommand(CommandLine cli, Env env, Term term, PrintStream out, PrintStream err) {
        this.cli = cli;
        this.env = env;
        this.term = term;
        this.out = out;
        this.err = err;
    }

    int run() throws Exception {
        boolean dryRun = false, offline = false, refresh = false;
        int timeout = 30;
        java.util.Set<String> given = new java.util.HashSet<>();
        while (cli.hasNext()) {
            String option = OPTIONS.take(cli, cli.next());
            given.add(option);
            switch (option) {
                case "--dry-run" -> dryRun = true;
                case "--offline" -> offline = true;
                case "--refresh" -> refresh = true;
                case "--timeout" -> timeout = cli.intValue(option, 1);
                default -> throw new IllegalStateException(option);
            }
        }
        OPTIONS.requireAtMostOne(given);
        ConfigFile file = ConfigFile.of(env);
        JsonValue config = file.read();
        env.useConfig(config);
        List<ModelRef> refs = refs(config);
        if (refs.isEmpty()) throw new Cli.Failure("the config names no Hugging Face model to sync (set one with '"
                + Invocation.command("models") + " set MODEL')");
        Discovery.Result found = ListCommands.discover(env, term, err, config, offline, refresh, timeout);
        if (found.source() == Discovery.Source.BUILT_IN) throw new Cli.Failure("no model list to take prices from"
                + " (the built-in catalog lists none per provider); nothing was written");
        List<Model> merged = ModelMerge.merge(found.live(), Catalog.builtIn(), config, false);
        List<String> lines = new ArrayList<>();
        boolean write = !dryRun;
        int changed = file.update(doc -> {
            int edits = 0;
            for (ModelRef ref : refs) {
                String what = ModelEntries.sync(doc, ref, found.live(), merged, write, w -> Cli.warn(err, w), lines);
                if (what != null && !what.equals("unchanged")) edits++;
            }
            return write ? edits : 0;
        });
        for (String line : lines) out.println(line);
        if (dryRun) Cli.say(err, "nothing was written (--dry-run)");
        else if (changed > 0) Cli.say(err, "wrote models.providers.huggingface.models[] in " + file.shown
                + "; OpenClaw now counts these prices");
        return Cli.OK;
    }

    /** The Hugging Face refs the config uses: default, fallbacks, then the keys of agents.defaults.models. */
    static List<ModelRef> refs(JsonValue config) {
        List<String> texts = new ArrayList<>();
        String primary = ConfigFile.string(config, ConfigFile.PRIMARY);
        if (primary != null) texts.add(primary);
        texts.addAll(ConfigFile.fallbacks(config));
        JsonObject models = config.objectAt(ConfigFile.MODELS);
        if (models != null) texts.addAll(models.members().keySet());
        List<ModelRef> refs = new ArrayList<>();
        for (String text : texts) {
            ModelRef ref = text.startsWith(ModelRef.PREFIX) ? ModelRef.orNull(text) : null;
            if (ref != null && !refs.contains(ref)) refs.add(ref);
        }
        return refs;
    }

}

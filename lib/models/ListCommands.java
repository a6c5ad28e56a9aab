import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code models list} and {@code models show}: discovery, merge, filters, and how they are shown. */
final class ListCommands {
    private final CommandLine cli;
    private final Env env;
    private final Term term;
    private final PrintStream out;
    private final PrintStream err;
    /** The discovery options list and show share: --offline, --refresh, --timeout S. */
    private boolean offline;
    private boolean refresh;
    private int timeout = 30;

    /** list's options; show takes the first four. Each help line is what {@code models --help} prints. */
    static final Options LIST = new Options()
            .add("--json", null, null, "as JSON (list: {count, source, fetchedAt, models[]})")
            .add("--offline", null, null, "never touch the network: the cached list, else the built-in catalog")
            .add("--refresh", null, null, "ask the router even when the cached list is fresh (under an hour)")
            .add("--timeout", null, "S", "give up on the router after S seconds (default 30)")
            .add("--plain", null, null, "one ref a line (list)")
            .add("--all", null, null, "also built-in models the router no longer lists, tagged unlisted (list)")
            .add("--search", null, "TEXT", "models whose id or name holds TEXT (list)")
            .add("--provider", null, "NAME", "models NAME serves now: a live provider, as the PROVIDERS column (list)")
            .add("--tools", null, null, "models with tool calls (list)")
            .add("--vision", null, null, "models that take images (list)")
            .add("--reasoning", null, null, "reasoning models (list)")
            .add("--sort", null, "KEY", "price (cheapest output first), context (largest first), throughput\n"
                    + "(fastest provider first) or name; unknown figures last (list)")
            .oneOf("--json", "--plain").oneOf("--offline", "--refresh");
    static final Options SHOW = LIST.only("--json", "--offline", "--refresh", "--timeout");

    ListCommands(CommandLine cli, Env env, Term term, PrintStream out, PrintStream err) {
        this.cli = cli;
        this.env = env;
        this.term = term;
        this.out = out;
        this.err = err;
    }

    /** How {@code models list} prints: a table for people, JSON for programs, one ref a line for shells. */
    enum Format { TABLE, JSON, PLAIN }

    /** {@code models [list] [--json|--plain] [--offline] [--refresh] [--timeout S] [--all] [filters]}. */
    int list() throws Exception {
        Format format = Format.TABLE;
        String search = null, provider = null;
        java.util.Comparator<Model> sort = null;
        boolean all = false, tools = false, vision = false, reasoning = false;
        java.util.Set<String> given = new java.util.HashSet<>();
        while (cli.hasNext()) {
            String option = LIST.take(cli, cli.next());
            given.add(option);
            if (discoveryOption(option)) continue;
            switch (option) {
                case "--json" -> format = Format.JSON;
                case "--plain" -> format = Format.PLAIN;
                case "--all" -> all = true;
                case "--search" -> search = cli.value(option).toLowerCase(Locale.ROOT);
                case "--provider" -> provider = cli.value(option);
                case "--tools" -> tools = true;
                case "--vision" -> vision = true;
                case "--reasoning" -> reasoning = true;
                case "--sort" -> sort = sortKey(cli.value(option));
                default -> throw new IllegalStateException(option);
            }
        }
        LIST.requireAtMostOne(given);
        JsonValue config = config();
        Discovery.Result found = discover(config);
        List<Model> models = new ArrayList<>();
        for (Model m : ModelMerge.merge(found.live(), Catalog.builtIn(), config, all)) {
            if (search != null && !(m.id().toLowerCase(Locale.ROOT).contains(search)
                    || m.name().toLowerCase(Locale.ROOT).contains(search))) continue;
            if (provider != null && !servedBy(m, provider)) continue;
            if ((tools && !m.tools()) || (vision && !m.vision()) || (reasoning && !m.reasoning())) continue;
            models.add(m);
        }
        if (provider != null && models.isEmpty()) requireKnownProvider(provider, found);
        if (sort != null) models.sort(sort);
        ModelTable.Marks marks = ModelTable.Marks.of(config);
        switch (format) {
            case JSON -> Output.json(out, Json.pretty(ModelTable.json(models, marks, found)));
            case PLAIN -> out.print(ModelTable.plain(models));
            case TABLE -> {
                ModelTable.Shown table = ModelTable.table(models, marks, term);
                out.print(table.text());
                err.println(term.dim((models.size() == 1 ? "1 model" : models.size() + " models") + " \u00b7 "
                        + describe(found)));
                if (table.gaveWay() != null) {
                    err.println(term.dim(Help.wrapped("At " + term.width() + " columns: " + table.gaveWay()
                            + " (a wider terminal, --plain or --json shows all)", term.width())));
                }
            }
        }
        return Cli.OK;
    }

    /** {@code models show MODEL [--json] [--offline] [--refresh] [--timeout S]}. */
    int show() throws Exception {
        String wanted = null;
        boolean json = false;
        java.util.Set<String> given = new java.util.HashSet<>();
        while (cli.hasNext()) {
            String arg = cli.next();
            if (!arg.startsWith("-") && wanted == null) {
                wanted = arg;
                continue;
            }
            if (!arg.startsWith("-")) throw cli.unknown(arg);
            String option = SHOW.take(cli, arg);
            given.add(option);
            if (!discoveryOption(option)) json = true;
        }
        if (wanted == null) throw new Cli.UsageException("missing MODEL");
        SHOW.requireAtMostOne(given);
        JsonValue config = config();
        ModelRef ref;
        try {
            ref = ModelRef.resolve(wanted, ConfigFile.aliases(config));
        } catch (ModelRefException e) {
            // A good model with a bad suffix is the suffix's fault, said as set says it; anything else gets
            // suggestions.
            if (wanted.indexOf(':') > 0 && ModelRef.idOrNull(wanted.substring(0,
                    wanted.indexOf(':'))) != null) throw new Cli.UsageException(e.getMessage());
            ref = null;
        }
        Discovery.Result found = discover(config);
        List<Model> models = ModelMerge.merge(found.live(), Catalog.builtIn(), config, true);
        Model model = null;
        for (Model m : models) if (ref != null && model == null && m.suffix() == null && ref.names(m.id())) model = m;
        if (model == null) throw new Cli.Failure("no model " + wanted + ModelChoice.suggestions(wanted, models));
        try {
            ref.requireServed(found.live());
        } catch (ModelRefException e) {
            throw new Cli.Failure(e.getMessage());
        }
        ModelTable.Marks marks = ModelTable.Marks.of(config);
        if (json) Output.json(out, Json.pretty(ModelView.json(model, marks, true)));
        else out.print(ModelView.text(model, marks, found, term));
        return Cli.OK;
    }

    private JsonValue config() {
        JsonValue config = ConfigFile.of(env).read();
        env.useConfig(config);
        return config;
    }

    /** True when {@code arg} was one of the discovery options (its value, if any, taken too). */
    private boolean discoveryOption(String arg) {
        switch (arg) {
            case "--offline" -> offline = true;
            case "--refresh" -> refresh = true;
            case "--timeout" -> timeout = cli.intValue("--timeout", 1);
            default -> {
                return false;
            }
        }
        return true;
    }

    private Discovery.Result discover(JsonValue config) throws Exception {
        return discover(env, term, err, config, offline, refresh, timeout);
    }

    /**
     * The model list as list, show and sync get it: the cache, the router or the built-in catalog, as the options say,
     * a spinner on a terminal while fetching, and the note that says where the list came from when it is not fresh.
     */
    static Discovery.Result discover(Env env, Term term, PrintStream err, JsonValue config, boolean offlineAsked,
            boolean refresh, int timeout) throws Exception {
        // HF_HUB_OFFLINE=1, the Hugging Face libraries' switch, is --offline unless --refresh asks otherwise.
        boolean offline = offlineAsked || ("1".equals(env.process("HF_HUB_OFFLINE")) && !refresh);
        Discovery.Result found;
        try (AutoCloseable spinner = offline ? Term.NO_SPINNER : term.spinner(err, "fetching the model list\u2026")) {
            found = new Discovery(env, config, Instant.now()).discover(new Discovery.Options(offline, refresh,
                    Duration.ofSeconds(timeout)));
        }
        if (found.note() != null) Cli.say(err, found.note());
        return found;
    }

    /**
     * The order {@code --sort KEY} asks for: cheapest output price, largest context, fastest live provider, or name;
     * models without the figure go last, in the order they came.
     */
    private static java.util.Comparator<Model> sortKey(String key) {
        return switch (key) {
            case "price" -> java.util.Comparator.comparing(Model::costOutput, java.util.Comparator.nullsLast(
                    java.util.Comparator.<java.math.BigDecimal>naturalOrder()));
            case "context" -> java.util.Comparator.comparingLong(Model::contextWindow).reversed();
            case "throughput" -> java.util.Comparator.comparing(ListCommands::fastest, java.util.Comparator.nullsLast(
                    java.util.Comparator.<Double>reverseOrder()));
            case "name" -> java.util.Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT));
            default -> throw new Cli.UsageException("invalid value for --sort: '" + Printable.line(key)
                    + "' (valid: price, context, throughput, name)");
        };
    }

    /**
     * {@code --provider NAME} that no listed model has as a live provider: a typo more likely than a fact, said with
     * the names that are there (an empty table would say nothing).
     */
    private static void requireKnownProvider(String provider, Discovery.Result found) {
        if (found.live() == null) return;   // the built-in catalog: no live providers to compare with
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (RouterModel m : found.live()) {
            for (RouterModel.Offer o : m.providers()) if (o.live()) names.add(o.provider());
        }
        if (names.isEmpty()) return;
        for (String name : names) if (name.equalsIgnoreCase(provider)) return;
        String close = Suggestions.closest(provider, names);
        throw new Cli.UsageException("invalid value for --provider: '" + Printable.line(provider)
                + "' serves no listed model"
                + (close != null ? " (did you mean " + close + "?)" : " (live providers: " + String.join(", ", names)
                        + ")"));
    }

    /** The best live throughput among the model's providers, or null when none is listed. */
    private static Double fastest(Model m) {
        Double best = null;
        for (RouterModel.Offer o : m.providers()) {
            if (o.live() && o.throughput() != null && (best == null || o.throughput() > best)) best = o.throughput();
        }
        return best;
    }

    /**
     * Served now by {@code provider}: a live offer, as the PROVIDERS column shows them (an error or staging offer
     * serves nobody).
     */
    private static boolean servedBy(Model m, String provider) {
        for (RouterModel.Offer o : m.providers()) if (o.live() && o.provider().equalsIgnoreCase(provider)) return true;
        return false;
    }

    private static String describe(Discovery.Result found) {
        return switch (found.source()) {
            case LIVE -> "live from the router";
            case CACHE -> "cached list from " + UtcTime.format(found.fetchedAt());
            case BUILT_IN -> "built-in catalog (updated " + Catalog.builtIn().updated() + ")";
        };
    }
}

import java.io.PrintStream;

/** {@code models}: list the Hugging Face router models OpenClaw can use. */
public final class ModelsCommand {
    static final String USAGE = """
            Usage: models [list] [--json | --plain] [--offline | --refresh] [--all] [--timeout S]
                          [--search TEXT] [--provider NAME] [--tools] [--vision] [--reasoning]
                   models show MODEL [--json] [--offline | --refresh]
                   models set MODEL [--force]
                   models fallbacks [list | add MODEL [--force] | remove MODEL | clear]
                   models aliases [list | add ALIAS MODEL [--force] | remove ALIAS]
                   models status [--json] [--check] [--verify]
                   models sync [--dry-run] [--offline | --refresh] [--timeout S]
                   models --help | --version
                   models --install [--dir DIR] [--name NAME] | --uninstall

            Lists the Hugging Face Inference Providers models for OpenClaw
            (refs of the form huggingface/<org>/<model>).

            MODEL is a ref (huggingface/<org>/<model>[:suffix]), a bare id (<org>/<model>[:suffix])
            or an alias. Suffixes: :fastest, :cheapest, :preferred, :<provider> (e.g. :together).

            Commands:
              list          the models, as a table (the default)
              show          one model: facts, providers, what :cheapest/:fastest would pick
              set           set the default model (agents.defaults.model.primary)
              fallbacks     list or edit the fallback models, tried in order
              aliases       list or edit model aliases (agents.defaults.models[REF].alias)
              status        the config file, default, fallbacks, aliases, base URL and the token
                            (masked; where each one found comes from); --check exits 1 when no
                            token is found that OpenClaw can use
              sync          write the configured models' real prices, context window and tool
                            support into models.providers.huggingface.models[], where OpenClaw
                            reads them (it counts Hugging Face models as free otherwise)

            Options of list and show (show takes the first four):
            """ + ListCommands.LIST.help() + """

            Options of set, fallbacks add and aliases add:
            """ + ConfigCommands.OPTIONS.help() + """

            Options of status:
            """ + StatusCommand.OPTIONS.help() + """

            Options of sync:
            """ + SyncCommand.OPTIONS.help() + """

            Options of every command:
              -h, --help    this help
              --version     the toolkit's version
              --install     install as the command hf-models in DIR (default ~/.local/bin),
                            quick to start (a class-data cache of its own); --dir DIR, --name NAME
              --uninstall   remove what --install wrote

            The list comes from GET {base URL}/models (with your token when there is one), merged with
            the built-in catalog and your config's models.providers.huggingface.models[] entries. When
            the router cannot be reached, a cached list or the built-in catalog is used, and stderr says why.

            """ + Help.environment("HF_TOKEN", "HF_ROUTER_URL", "HF_HUB_OFFLINE", "HTTPS_PROXY", "OPENCLAW_STATE_DIR",
                    "NO_COLOR");

    private ModelsCommand() { }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(Env.system(), Term.detect(System.getenv()), out, err, args);
    }

    static int run(Env env, Term term, PrintStream stdout, PrintStream stderr, String... args) {
        PrintStream out = SafeOutput.of(stdout), err = SafeOutput.of(stderr);
        // A class rather than a lambda: see Cli.Body.
        return Cli.run("models", USAGE, out, err, args, term, new Cli.Body() {
            @Override
            public int run(CommandLine cli) throws Exception {
                Running.invokedAs(env.invocation());
                return dispatch(cli, env, term, out, err);
            }
        });
    }

    private static int dispatch(CommandLine cli, Env env, Term term, PrintStream out,
            PrintStream err) throws Exception {
        String command = cli.hasNext() && !cli.peek().startsWith("-") ? cli.next() : "list";
        ConfigCommands config = new ConfigCommands(cli, env, out);
        ListCommands catalog = new ListCommands(cli, env, term, out, err);
        int status = switch (command) {
            case "list" -> catalog.list();
            case "show" -> catalog.show();
            case "set" -> config.set();
            case "fallbacks" -> config.fallbacks();
            case "aliases" -> config.aliases();
            case "status" -> new StatusCommand(cli, env, out).run();
            case "sync" -> new SyncCommand(cli, env, term, out, err).run();
            default -> throw cli.unknown(command, "list", "show", "set", "fallbacks", "aliases", "status", "sync");
        };
        for (String warning : env.warnings()) Cli.warn(err, warning);
        return status;
    }
}

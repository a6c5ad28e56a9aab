import java.io.PrintStream;

/** {@code models}: list the Hugging Face router models OpenClaw can use. */
public final class ModelsCommand {
    static final String USAGE = """
            Usage: models [list] [--json | --plain] [--offline]
                   models set MODEL
                   models fallbacks [list | add MODEL | remove MODEL | clear]
                   models aliases [list | add ALIAS MODEL | remove ALIAS]
                   models status [--json] [--check]
                   models --help | --version

            Lists the Hugging Face Inference Providers models for OpenClaw
            (refs of the form huggingface/<org>/<model>).

            MODEL is a ref (huggingface/<org>/<model>[:suffix]), a bare id (<org>/<model>[:suffix])
            or an alias. Suffixes: :fastest, :cheapest, :preferred, :<provider> (e.g. :together).

            Commands:
              list          the models, as a table (the default)
              set           set the default model (agents.defaults.model.primary)
              fallbacks     list or edit the fallback models, tried in order
              aliases       list or edit model aliases (agents.defaults.models[REF].alias)
              status        the config file, default, fallbacks, aliases, base URL and token
                            (masked); --check exits 1 when no token is found

            Options:
              --json        the list as JSON: {count, source, fetchedAt, models[]}
              --plain       one ref a line
              --offline     never touch the network: the built-in catalog
              -h, --help    this help
              --version     the toolkit's version

            This version lists the built-in catalog; discovery from the router comes next.
            """;

    private ModelsCommand() { }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(Env.system(), out, err, args);
    }

    static int run(Env env, PrintStream out, PrintStream err, String... args) {
        return Cli.run("models", USAGE, out, err, args, cli -> {
            String first = cli.peek();
            if (first != null && !first.startsWith("-") && !first.equals("list")) {
                cli.next();
                ConfigCommands config = new ConfigCommands(cli, env, out);
                int status = switch (first) {
                    case "set" -> config.set();
                    case "fallbacks" -> config.fallbacks();
                    case "aliases" -> config.aliases();
                    case "status" -> config.status();
                    default -> throw cli.unknown(first, "list", "set", "fallbacks", "aliases", "status");
                };
                for (String warning : env.warnings()) err.println("models: warning: " + warning);
                return status;
            }
            String format = "table";
            while (cli.hasNext()) {
                String arg = cli.next();
                switch (arg) {
                    case "list", "--offline" -> { }
                    case "--json" -> format = "json";
                    case "--plain" -> format = "plain";
                    default -> throw cli.unknown(arg, "list", "--json", "--plain", "--offline");
                }
            }
            Catalog catalog = Catalog.builtIn();
            switch (format) {
                case "json" -> out.println(Json.pretty(ModelTable.json(catalog.models(), "built-in", null)));
                case "plain" -> out.print(ModelTable.plain(catalog.models()));
                default -> {
                    out.print(ModelTable.table(catalog.models()));
                    err.println("models: " + catalog.models().size() + " models from the built-in catalog (updated " + catalog.updated() + ")");
                }
            }
            return 0;
        });
    }
}

import java.io.PrintStream;

/** {@code models}: list the Hugging Face router models OpenClaw can use. */
public final class ModelsCommand {
    static final String USAGE = """
            Usage: models [list] [--json | --plain] [--offline]
                   models --help | --version

            Lists the Hugging Face Inference Providers models for OpenClaw
            (refs of the form huggingface/<org>/<model>).

            Commands:
              list          the models, as a table (the default)

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
        return Cli.run("models", USAGE, out, err, args, cli -> {
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

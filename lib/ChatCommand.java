import java.io.PrintStream;

/** {@code chat}: OpenAI-compatible chat completions through the Hugging Face router. */
public final class ChatCommand {
    static final String USAGE = """
            Usage: chat [-m MODEL] [PROMPT]
                   chat --help | --version

            Chat with a Hugging Face router model (streaming, reasoning, fallbacks).

            Options:
              -h, --help    this help
              --version     the toolkit's version

            Not built yet in this version: only --help and --version answer.
            """;

    private ChatCommand() { }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return Cli.run("chat", err, args, cli -> {
            while (cli.hasNext()) {
                String arg = cli.next();
                switch (arg) {
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--version" -> {
                        out.println("chat " + Cli.VERSION);
                        return 0;
                    }
                    default -> throw cli.unknown(arg, "--help", "--version");
                }
            }
            throw new Cli.Failure("chat is not built yet in " + Cli.VERSION + "; see 'chat --help'");
        });
    }
}

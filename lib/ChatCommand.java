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
        return Cli.run("chat", USAGE, out, err, args, cli -> {
            if (cli.hasNext()) throw cli.unknown(cli.next());
            throw new Cli.Failure("chat is not built yet in " + Cli.VERSION + "; see 'chat --help'");
        });
    }
}

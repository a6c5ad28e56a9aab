import java.io.PrintStream;

/** {@code onboard}: set up Hugging Face auth and the default model in OpenClaw's config. */
public final class OnboardCommand {
    static final String USAGE = """
            Usage: onboard [--non-interactive] [--mode local] [--auth-choice huggingface-api-key]
                           [--huggingface-api-key KEY] [--model REF]
                   onboard --help | --version

            Sets up Hugging Face Inference Providers for OpenClaw: the token and the default model.

            Options:
              -h, --help    this help
              --version     the toolkit's version

            Not built yet in this version: only --help and --version answer.
            """;

    private OnboardCommand() { }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return Cli.run("onboard", USAGE, out, err, args, cli -> {
            if (cli.hasNext()) throw cli.unknown(cli.next());
            throw new Cli.Failure("setup is not built yet in " + Cli.VERSION + "; see 'onboard --help'");
        });
    }
}

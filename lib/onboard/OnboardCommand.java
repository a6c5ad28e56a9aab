import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code onboard}: set up Hugging Face auth and the default model in OpenClaw's config. */
public final class OnboardCommand {
    static final Options OPTIONS = new Options()
            .add("--non-interactive", null, null, "no questions (needed when not on a terminal)")
            .add("--mode", null, "MODE", "local (the only mode this tool sets up)")
            .add("--auth-choice", null, "CHOICE", "huggingface-api-key")
            .add("--huggingface-api-key", null, "KEY",
                    "the token; - reads it from stdin (keeps it out of shell history);\n"
                    + "default: HUGGINGFACE_HUB_TOKEN, HF_TOKEN, or another token found\nthe way 'models status' finds "
                            + "one")
            .add("--model", null, "REF",
                    "the default model (ref, id or alias; suffixes allowed); refused\nwhen the cached model list lacks "
                            + "it, unless --force")
            .add("--force", null, null, "write --model even when the cached model list lacks it")
            .add("--skip-validation", null, null, "do not ask Hugging Face whether the token works")
            .add("--bill-to", null, "ORG", "bill inference to the organization ORG: written as the provider's\n"
                    + "header X-HF-Bill-To (the steps on a terminal offer the\norganizations whoami-v2 says the token "
                            + "can bill)");

    static final String USAGE = """
            Usage: onboard                                     on a terminal: step by step
                   onboard --non-interactive [--mode local] [--auth-choice huggingface-api-key]
                           [--huggingface-api-key KEY | -] [--model REF [--force]] [--skip-validation] [--bill-to ORG]
                   onboard --help | --version
                   onboard --install [--dir DIR] [--name NAME] | --uninstall

            Sets up Hugging Face Inference Providers for OpenClaw: checks the token, stores it in
            $OPENCLAW_STATE_DIR/.env (0600, never in openclaw.json) as HF_TOKEN, or as the variable an
            OpenClaw profile's keyRef names, and writes the default
            model (huggingface/deepseek-ai/DeepSeek-R1 unless --model), its alias "Hugging Face", the
            auth profile huggingface:default and the huggingface provider into the OpenClaw config.
            Comments and everything else in the config stay as they were.

            Options:
            """ + OPTIONS.help() + """
              -h, --help                 this help
              --version                  the toolkit's version
              --install                  install as the command hf-onboard in DIR (default ~/.local/bin),
                                         quick to start (a class-data cache of its own); --dir DIR, --name NAME
              --uninstall                remove what --install wrote

            The token is checked with GET {HF_ENDPOINT or https://huggingface.co}/api/whoami-v2: a rejected
            token stops everything (nothing written); a token without the Inference Providers permission,
            or no network, gets a warning and setup goes on.

            """ + Help.environment("HF_TOKEN", "HF_ENDPOINT", "HF_ROUTER_URL", "HF_HUB_OFFLINE", "HTTPS_PROXY",
                    "OPENCLAW_STATE_DIR");
    static final List<String> MODES = List.of("local");
    /** The ways to authenticate, by --auth-choice: a map so that other providers can join later. */
    static final Map<String, String> AUTH_CHOICES = new LinkedHashMap<>(Map.of("huggingface-api-key",
            "Hugging Face (API key)"));

    private final Env env;
    private final Term term;
    private final InputStream in;
    private final Keyboard keyboard;
    private final PrintStream out;
    private final PrintStream err;

    /** {@code keyboard}: null when there is no terminal to ask on. */
    OnboardCommand(Env env, Term term, InputStream in, Keyboard keyboard, PrintStream out, PrintStream err) {
        this.env = env;
        this.term = term;
        this.in = in;
        this.keyboard = keyboard;
        this.out = SafeOutput.of(out);
        this.err = SafeOutput.of(err);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        Term term = Term.detect(System.getenv());
        Console console = System.console();
        Keyboard keyboard = term.tty() && console != null ? Keyboard.console(console) : null;
        OnboardCommand onboard = new OnboardCommand(Env.system(), term, System.in, keyboard, out, err);
        onboard.process = true;
        return onboard.run(args);
    }

    /** Whether this is the process's own onboard (not a test's): then Ctrl-C says what it left, as the JVM ends. */
    private boolean process;

    /** What the command line asked for. */
    static final class Given {
        boolean nonInteractive, skipValidation, force;
        String key, model, billTo;
    }

    int run(String... args) {
        return Cli.run("onboard", USAGE, out, err, args, term, cli -> {
            Running.invokedAs(env.invocation());
            Given o = parse(cli);
            Onboarding onboarding = new Onboarding(env, out, err);
            // Ctrl-C: the JVM ends; this says what was written by then. Removed once onboarding is over.
            Thread hook = !process ? null : new Thread(() -> {
                err.println();
                Cli.say(err, "interrupted; " + onboarding.written());
                SafeOutput.release(err);
            });
            if (hook != null) Runtime.getRuntime().addShutdownHook(hook);
            try {
                return steps(o, onboarding);
            } finally {
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // Ctrl-C came: the hook says so
                    }
                }
            }
        });
    }

    /** Onboarding itself, once the command line is read: on a terminal the wizard, else the flags' setup. */
    private int steps(Given o, Onboarding onboarding) throws Exception {
        ConfigFile config = ConfigFile.of(env);
        // a config that does not parse stops us here, before anything is asked or written
        JsonValue root = config.read();
        env.useConfig(root);
        env.willLookUp(BillTo.VARIABLE);   // the steps read it after the token: one login shell for both
        for (String warning : env.warnings()) Cli.warn(err, warning);
        if (!o.nonInteractive) {
            if (keyboard == null) throw new Cli.UsageException("not a terminal: add --non-interactive (with "
                    + "--huggingface-api-key KEY, or HF_TOKEN set)");
            if (o.key != null || o.skipValidation || o.billTo != null) {
                throw new Cli.UsageException("--huggingface-api-key, --skip-validation and --bill-to go with "
                        + "--non-interactive (the steps offer the organizations)");
            }
            return new OnboardWizard(onboarding, env, term, keyboard, out, err, config, root, o.model).run();
        }
        // Without --model, a default the config already has is kept (as OpenClaw's onboarding keeps it).
        String ref = null;
        if (o.model != null) {
            ModelChoice.Checked checked = ModelChoice.ref(env, root, o.model, o.force);
            if (checked.warning() != null) Cli.warn(err, checked.warning());
            ref = checked.ref();
        }
        Token token = token(o, root);
        if (!o.skipValidation) {
            TokenCheck check = onboarding.check(token);
            if (check.rejected()) throw new Cli.Failure(check.problem() + "; nothing written");
            if (check.problem() != null) Cli.warn(err, check.problem());
            else out.println("Token OK: signed in to Hugging Face as " + check.who().shownName());
            if (o.billTo != null && check.who() != null && !check.who().billable().contains(o.billTo)) {
                Cli.warn(err, "Hugging Face does not list " + o.billTo + " as an organization this token can bill"
                        + (check.who().billable().isEmpty() ? "" : " (it lists: " + String.join(", ",
                                check.who().billable()) + ")"));
            }
        }
        onboarding.write(config, ref, token, o.billTo);
        return Cli.OK;
    }

    private static Given parse(CommandLine cli) {
        Given o = new Given();
        while (cli.hasNext()) {
            String arg = cli.next();
            switch (OPTIONS.take(cli, arg)) {
                case "--non-interactive" -> o.nonInteractive = true;
                case "--skip-validation" -> o.skipValidation = true;
                case "--force" -> o.force = true;
                case "--mode" -> oneOf(cli.value(arg), arg, MODES);
                case "--auth-choice" -> oneOf(cli.value(arg), arg, List.copyOf(AUTH_CHOICES.keySet()));
                case "--huggingface-api-key" -> o.key = cli.value(arg);
                case "--model" -> o.model = cli.value(arg);
                case "--bill-to" -> o.billTo = BillTo.flag(cli.value(arg)).org();
                default -> throw new IllegalStateException(arg);
            }
        }
        return o;
    }

    private static void oneOf(String value, String flag, List<String> valid) {
        if (!valid.contains(value)) throw new Cli.UsageException("invalid value for " + flag + ": '" + value
                + "' (valid: " + String.join(", ", valid) + ")");
    }

    /**
     * The key: the flag's value, stdin for "-", else one found in the environment; none at all fails, and so
     * does one that no request could carry (checked before anything is written).
     */
    private Token token(Given o, JsonValue root) throws IOException {
        if ("-".equals(o.key)) {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) throw new Cli.Failure("--huggingface-api-key -: no token on stdin");
            return usable(new Token(line, "stdin"));
        }
        if (o.key != null) {
            if (o.key.isBlank()) throw new Cli.UsageException("--huggingface-api-key is empty");
            return usable(new Token(o.key, "--huggingface-api-key"));
        }
        Token found = Token.find(env, root);
        if (found == null) {
            throw new Cli.Failure("no Hugging Face token: pass --huggingface-api-key KEY (or - to read it from stdin), "
                    + "or set HF_TOKEN;"
                    + " make one at " + Whoami.NEW_TOKEN_URL);
        }
        out.println("Using the token from " + found.source() + " (" + found.masked() + ")");
        return usable(found);
    }

    private static Token usable(Token token) {
        if (token.problem() != null) throw new Cli.Failure(token.problem() + "; nothing written");
        return token;
    }
}

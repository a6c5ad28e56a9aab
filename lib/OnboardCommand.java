import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code onboard}: set up Hugging Face auth and the default model in OpenClaw's config. */
public final class OnboardCommand {
    static final String USAGE = """
            Usage: onboard                                     on a terminal: step by step
                   onboard --non-interactive [--mode local] [--auth-choice huggingface-api-key]
                           [--huggingface-api-key KEY | -] [--model REF] [--skip-validation]
                   onboard --help | --version

            Sets up Hugging Face Inference Providers for OpenClaw: checks the token, stores it in
            $OPENCLAW_STATE_DIR/.env as HF_TOKEN (0600, never in openclaw.json), and writes the default
            model (huggingface/deepseek-ai/DeepSeek-R1 unless --model), its alias "Hugging Face", the
            auth profile huggingface:default and the huggingface provider into the OpenClaw config.
            Comments and everything else in the config stay as they were.

            Options:
              --non-interactive          no questions (needed when not on a terminal)
              --mode MODE                local (the only mode this tool sets up)
              --auth-choice CHOICE       huggingface-api-key
              --huggingface-api-key KEY  the token; - reads it from stdin (keeps it out of shell history);
                                         default: HUGGINGFACE_HUB_TOKEN, HF_TOKEN, or another token found
                                         the way 'models status' finds one
              --model REF                the default model (ref, id or alias; suffixes allowed)
              --skip-validation          do not ask Hugging Face whether the token works
              -h, --help                 this help
              --version                  the toolkit's version

            The token is checked with GET {HF_ENDPOINT or https://huggingface.co}/api/whoami-v2: a rejected
            token stops everything (nothing written); a token without the Inference Providers permission,
            or no network, gets a warning and setup goes on.
            """;
    static final List<String> MODES = List.of("local");
    /** The ways to authenticate, by --auth-choice: a map so that other providers can join later. */
    static final Map<String, String> AUTH_CHOICES = new LinkedHashMap<>(Map.of("huggingface-api-key", "Hugging Face (API key)"));
    static final String HUB = "https://huggingface.co";

    final Env env;
    final Term term;
    private final InputStream in;
    private final Keyboard keyboard;
    final PrintStream out;
    final PrintStream err;

    /** {@code keyboard}: null when there is no terminal to ask on. */
    OnboardCommand(Env env, Term term, InputStream in, Keyboard keyboard, PrintStream out, PrintStream err) {
        this.env = env;
        this.term = term;
        this.in = in;
        this.keyboard = keyboard;
        this.out = out;
        this.err = err;
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        Term term = Term.detect(System.getenv());
        Console console = System.console();
        Keyboard keyboard = term.tty() && console != null ? Keyboard.console(console) : null;
        return new OnboardCommand(Env.system(), term, System.in, keyboard, out, err).run(args);
    }

    /** What the command line asked for. */
    static final class Options {
        boolean nonInteractive, skipValidation;
        String key, model;
    }

    int run(String... args) {
        return Cli.run("onboard", USAGE, out, err, args, cli -> {
            Options o = parse(cli);
            ConfigFile config = ConfigFile.of(env);
            JsonValue root = config.read();   // a config that does not parse stops us here, before anything is asked or written
            env.useConfig(root);
            for (String warning : env.warnings()) err.println("onboard: warning: " + warning);
            if (!o.nonInteractive) {
                if (keyboard == null) throw new Cli.UsageException("not a terminal: add --non-interactive (with --huggingface-api-key KEY, or HF_TOKEN set)");
                if (o.key != null || o.skipValidation) throw new Cli.UsageException("--huggingface-api-key and --skip-validation go with --non-interactive");
                return new OnboardWizard(this, keyboard, config, root, o.model).run();
            }
            String ref = o.model != null ? ConfigCommands.checkedRef(env, root, o.model) : ModelRef.DEFAULT_MODEL;
            String token = token(o, root);
            if (!o.skipValidation) {
                TokenCheck check = check(token);
                if (check.rejected()) throw new Cli.Failure(check.problem() + "; nothing written");
                if (check.problem() != null) err.println("onboard: warning: " + check.problem());
                else out.println("Token OK: signed in to Hugging Face as " + check.who().name());
            }
            write(config, ref, token);
            return 0;
        });
    }

    private static Options parse(Cli cli) {
        Options o = new Options();
        while (cli.hasNext()) {
            String arg = cli.next();
            switch (arg) {
                case "--non-interactive" -> o.nonInteractive = true;
                case "--skip-validation" -> o.skipValidation = true;
                case "--mode" -> oneOf(cli.value(arg), arg, MODES);
                case "--auth-choice" -> oneOf(cli.value(arg), arg, List.copyOf(AUTH_CHOICES.keySet()));
                case "--huggingface-api-key" -> o.key = cli.value(arg);
                case "--model" -> o.model = cli.value(arg);
                default -> throw cli.unknown(arg, "--non-interactive", "--mode", "--auth-choice", "--huggingface-api-key", "--model", "--skip-validation");
            }
        }
        return o;
    }

    private static void oneOf(String value, String flag, List<String> valid) {
        if (!valid.contains(value)) throw new Cli.UsageException("invalid value for " + flag + ": '" + value + "' (valid: " + String.join(", ", valid) + ")");
    }

    /** The key: the flag's value, stdin for "-", else one found in the environment; none at all fails. */
    private String token(Options o, JsonValue root) throws IOException {
        if ("-".equals(o.key)) {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) throw new Cli.Failure("--huggingface-api-key -: no token on stdin");
            return line.strip();
        }
        if (o.key != null) {
            if (o.key.isBlank()) throw new Cli.UsageException("--huggingface-api-key is empty");
            return o.key.strip();
        }
        Token found = Token.find(env, root);
        if (found == null) {
            throw new Cli.Failure("no Hugging Face token: pass --huggingface-api-key KEY (or - to read it from stdin), or set HF_TOKEN;"
                    + " make one at " + Whoami.NEW_TOKEN_URL);
        }
        out.println("Using the token from " + found.source() + " (" + found.masked() + ")");
        return found.secret();
    }

    /** How a token fared: the account when checked; {@code problem} says what to warn about, or why it was rejected. */
    record TokenCheck(Whoami who, String problem, boolean rejected) { }

    TokenCheck check(String token) {
        if ("1".equals(env.process("HF_HUB_OFFLINE"))) return new TokenCheck(null, "HF_HUB_OFFLINE=1: the token was not checked", false);
        Env.Value endpoint = env.lookup("HF_ENDPOINT", List.of("HF_ENDPOINT"));
        String hub = endpoint != null ? endpoint.value().strip().replaceAll("/+$", "") : HUB;
        try (RouterClient client = new RouterClient(hub, new Token(token, "onboard"), Duration.ofSeconds(15))) {
            Whoami who = Whoami.of(client.whoami());
            if (who.canCallInference()) return new TokenCheck(who, null, false);
            return new TokenCheck(who, "the token of " + who.name() + " lacks the \"Make calls to Inference Providers\" permission"
                    + " (inference.serverless.write): chat will be refused; make one that has it at " + Whoami.NEW_TOKEN_URL, false);
        } catch (RouterError e) {
            if (e.status == 401) return new TokenCheck(null, "Hugging Face rejected the token (401)", true);
            return new TokenCheck(null, "could not check the token with " + hub + " (" + e.getMessage() + "); going on", false);
        } catch (JsonException e) {
            return new TokenCheck(null, "could not read the answer of " + hub + " (" + e.getMessage() + "); going on", false);
        }
    }

    /** Writes the config, then the token, and says where and what to try next. */
    void write(ConfigFile config, String ref, String token) throws Exception {
        List<String> said = config.update(doc -> OnboardSetup.apply(doc, ref));
        Path envFile = Token.store(env, token);
        out.println("Wrote " + config.shown + ": " + String.join(", ", said));
        out.println("Saved the token to " + env.display(envFile) + " as HF_TOKEN (" + Token.mask(token) + ")");
        out.println();
        out.println("Next:");
        out.println("  models list       the models you can use");
        out.println("  chat \"Hello\"      a first question to " + ref);
        out.println("  models status     check the setup");
    }
}

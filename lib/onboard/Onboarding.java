import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What onboarding does, whichever way it is asked: checks a token with Hugging Face, and writes the
 * setup (the config keys of {@link OnboardSetup}, then the token into the state folder's {@code .env}).
 * The step-by-step wizard and the non-interactive path both call it.
 */
final class Onboarding {
    private final Env env;
    private final PrintStream out;
    private final PrintStream err;

    Onboarding(Env env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /**
     * The token checked with Hugging Face ({@link TokenCheck}); a check that could not be made lets onboarding go on.
     */
    TokenCheck check(Token token) {
        TokenCheck check = TokenCheck.of(env, token, w -> Cli.warn(err, w));
        if (!check.unchecked() || check.problem().startsWith("HF_HUB_OFFLINE")) return check;
        return new TokenCheck(null, check.problem() + "; going on", false, true);
    }

    /**
     * Writes the config, then the token, and says where and what to try next. {@code ref}: the default
     * model to set, or null to keep the config's own (see {@link OnboardSetup#apply}).
     */
    /**
     * What {@link #write} has written so far, for a Ctrl-C to say: each step is whole or not done (atomic replaces).
     */
    private volatile String progress = "nothing written";

    String written() { return progress; }

    void write(ConfigFile config, String ref, Token token, String billTo) throws Exception {
        write(config, ref, token, billTo, null, null);
    }

    /**
     * {@link #write}; with the model list onboarding fetched ({@code live}, and the models merged from it), the default
     * model's entry in {@code models.providers.huggingface.models[]} too ({@link ModelEntries}), so that OpenClaw
     * counts its real price.
     */
    void write(ConfigFile config, String ref, Token token, String billTo, List<RouterModel> live,
            List<Model> merged) throws Exception {
        // Everything checked before anything is written: the config was read whole already; the .env must be a file.
        Path dotEnv = SafeFile.target(env.stateDir().resolve(".env"));
        if (java.nio.file.Files.exists(dotEnv) && !java.nio.file.Files.isRegularFile(dotEnv)) {
            throw new Cli.Failure(env.display(dotEnv) + " is not a regular file; nothing written");
        }
        JsonValue[] written = new JsonValue[1];
        List<String> said = config.update(doc -> {
            List<String> done = new java.util.ArrayList<>(OnboardSetup.apply(doc, ref, billTo));
            ModelRef chosen = ModelRef.orNull(ConfigFile.string(doc.value(), ConfigFile.PRIMARY));
            if (live != null && !live.isEmpty() && chosen != null) {
                String what = ModelEntries.sync(doc, chosen, live, merged, true, w -> Cli.warn(err, w),
                        new java.util.ArrayList<>());
                if (what != null && !what.equals("unchanged")) done.add("its price for OpenClaw (" + what
                        + " in models.providers.huggingface.models[])");
            }
            written[0] = doc.value();
            return done;
        });
        this.progress = "the config was written (" + config.shown + "), the token not yet: run "
                + Invocation.command("onboard") + " again";
        Token.Stored stored;
        try {
            stored = Token.store(env, written[0], token);
        } catch (SidecarLock.Busy e) {
            throw new Cli.Failure(e.getMessage());
        }
        this.progress = "all was written";
        out.println("Wrote " + config.shown + ": " + String.join(", ", said));
        out.println("Saved the token to " + env.display(stored.file()) + " as " + stored.variable() + " ("
                + token.masked() + ")"
                + (stored.variable().equals("HF_TOKEN") ? "" : ", the variable OpenClaw's key comes from"));
        if (stored.notRead() != null) {
            // We never write OpenClaw's database or a secret file it reads: say what OpenClaw will use, and how to
            // change it.
            Cli.warn(err, "OpenClaw will not use it: " + stored.notRead()
                    + "; to switch OpenClaw to the new token, run: openclaw models auth paste-api-key --provider "
                            + "huggingface");
        }
        out.println();
        out.println("Next:");
        String models = Invocation.command("models"), chat = Invocation.command("chat");
        List<String[]> next = List.of(new String[] {models + " list", "the models you can use"},
                new String[] {chat + " \"Hello\"", "a first question to " + ConfigFile.string(written[0],
                        ConfigFile.PRIMARY)},
                new String[] {models + " status", "check the setup"});
        int width = 0;
        for (String[] n : next) width = Math.max(width, n[0].length());
        for (String[] n : next) out.println("  " + n[0] + " ".repeat(width - n[0].length() + 5) + n[1]);
    }
}

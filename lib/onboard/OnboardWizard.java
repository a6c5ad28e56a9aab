import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code onboard} on a terminal, step by step: auth choice, token (one found is offered, masked), its
 * check with whoami (a rejected token is asked for again), the default model, an optional pinned
 * backend, then a summary to confirm. Nothing is written before the confirmation; end of input at any
 * question cancels.
 */
final class OnboardWizard {
    private final Onboarding onboarding;
    private final Env env;
    private final Term term;
    private final Keyboard keyboard;
    private final PrintStream out;
    private final PrintStream err;
    private final ConfigFile config;
    private final JsonValue root;
    private final String presetModel;
    /** Who the token belongs to, when Hugging Face said. */
    private Whoami who;

    OnboardWizard(Onboarding onboarding, Env env, Term term, Keyboard keyboard, PrintStream out, PrintStream err,
                  ConfigFile config, JsonValue root, String presetModel) {
        this.onboarding = onboarding;
        this.env = env;
        this.term = term;
        this.keyboard = keyboard;
        this.out = out;
        this.err = err;
        this.config = config;
        this.root = root;
        this.presetModel = presetModel;
    }

    /** Thrown at end of input: nothing was written. */
    private static Cli.Failure cancelled() { return new Cli.Failure("cancelled; nothing written"); }

    int run() throws Exception {
        out.println("Hugging Face Inference Providers for OpenClaw: nothing is written until you confirm at the end.");
        authChoice();
        Token token = token();
        Discovery.Result found = discover(token);
        List<Model> models = ModelMerge.merge(found.live(), Catalog.builtIn(), root, false);
        // DeepSeek-R1 first, the rest in their order
        models.sort((a, b) -> Boolean.compare(!isDefault(a), !isDefault(b)));
        // Run again, onboarding keeps the configured default unless another is picked (as OpenClaw's own does).
        String current = ConfigFile.string(root, ConfigFile.PRIMARY);
        String ref = presetModel != null ? ModelChoice.ref(env, root, presetModel, false).ref()
                : new ModelPicker(keyboard, out, models, term.width(), current).pick();
        if (ref == null) throw cancelled();
        ref = backend(ref, models);
        String billTo = billing();
        out.println();
        out.println("Ready to write:");
        String was = current == null || ModelRef.parse(ref).isRef(current) ? "" : " (was " + Printable.line(current)
                + ")";
        out.println("  " + config.shown + ": default model " + ref + was + ", its alias \"" + OnboardSetup.ALIAS
                + "\" (unless it has one),"
                + " auth profile huggingface:default, provider huggingface" + (billTo == null ? "" : billTo.isEmpty()
                        ? ", inference billed to your account" : ", inference billed to " + billTo)
                + (found.source() == Discovery.Source.BUILT_IN ? "" : ", its price for OpenClaw (in"
                        + " models.providers.huggingface.models[])"));
        out.println("  " + env.display(env.stateDir().resolve(".env")) + ": HF_TOKEN=" + token.masked());
        String yes = keyboard.line("Write these? [Y/n] ");
        if (yes == null) throw cancelled();
        if (yes.strip().toLowerCase(Locale.ROOT).startsWith("n")) throw new Cli.Failure("nothing written");
        onboarding.write(config, ref, token, billTo, found.source() == Discovery.Source.BUILT_IN ? null
                : found.live(), models);
        return Cli.OK;
    }

    /**
     * When whoami-v2 says the token can bill organizations: whom inference is billed to. Enter keeps what the
     * config says (the token's own account when it says nothing); null means no change, "" the token's own account.
     */
    private String billing() throws IOException {
        if (who == null || who.billable().isEmpty()) return null;
        BillTo current = BillTo.of(null, env, root);
        List<String> orgs = who.billable();
        out.println();
        out.println("Bill inference to:");
        List<String> items = new ArrayList<>(List.of("your account (" + who.shownName() + ")"));
        int marked = current == null ? 0 : -1;
        for (int i = 0; i < orgs.size(); i++) {
            if (current != null && current.org().equals(orgs.get(i))) marked = i + 1;
            items.add("the organization " + Printable.line(orgs.get(i)));
        }
        Integer n = new Menu(keyboard, out).choose(items, marked, "Choice: ", "the default");
        if (n == null) throw cancelled();
        if (n == Menu.ENTER) return null;
        if (n == 0) return current == null ? null : "";
        return orgs.get(n - 1);
    }

    private static boolean isDefault(Model m) { return m.ref().equals(ModelRef.DEFAULT_MODEL); }

    /** The auth question, asked only when there is a choice to make (today there is one: a Hugging Face API key). */
    private void authChoice() throws IOException {
        List<String> labels = new ArrayList<>(OnboardCommand.AUTH_CHOICES.values());
        if (labels.size() == 1) return;
        out.println();
        out.println("Auth choice:");
        if (new Menu(keyboard, out).choose(labels, 0, "Choice [1]: ", null) == null) throw cancelled();
    }

    /** A token that Hugging Face did not reject (or that could not be checked). */
    private Token token() throws IOException {
        Token found = Token.find(env, root);
        out.println();
        while (true) {
            Token candidate;
            if (found != null) {
                String answer = keyboard.line("Use the token from " + found.source() + " (" + found.masked()
                        + ")? [Y/n] ");
                if (answer == null) throw cancelled();
                boolean use = !answer.strip().toLowerCase(Locale.ROOT).startsWith("n");
                candidate = use ? found : null;
                found = null;
                if (candidate == null) continue;
            } else {
                out.println("A token with \"Make calls to Inference Providers\": " + Whoami.NEW_TOKEN_URL);
                String typed = keyboard.secret("Hugging Face token (input hidden): ");
                if (typed == null) throw cancelled();
                candidate = new Token(typed, "what you typed");
                if (candidate.secret().isEmpty()) continue;
            }
            if (candidate.problem() != null) {
                out.println(candidate.problem() + ".");
                continue;
            }
            TokenCheck check = onboarding.check(candidate);
            if (check.rejected()) {
                out.println(check.problem() + ". Try another one.");
                continue;
            }
            if (check.who() != null) out.println("Signed in as " + check.who().shownName() + ".");
            who = check.who();
            if (check.problem() != null) Cli.warn(err, check.problem());
            return candidate;
        }
    }

    private Discovery.Result discover(Token token) throws Exception {
        Discovery.Result found;
        try (AutoCloseable spinner = term.spinner(err, "loading the model list\u2026")) {
            found = new Discovery(env, root, Instant.now(), token).discover(new Discovery.Options(false, false,
                    Duration.ofSeconds(30), false));
        }
        if (found.note() != null) Cli.say(err, found.note());
        return found;
    }

    /** The ref, pinned to a backend when the user wants one (not for :cheapest/:fastest: the router picks those). */
    private String backend(String ref, List<Model> models) throws IOException {
        ModelRef chosen = ModelRef.parse(ref);
        if (chosen.providerLocked()) {
            out.println("Provider locked \u2014 the router picks the backend by cost or speed.");
            return ref;
        }
        if (chosen.provider() != null) return ref;
        List<RouterModel.Offer> live = new ArrayList<>();
        for (Model m : models) if (m.suffix() == null
                && chosen.names(m.id())) for (RouterModel.Offer o : m.providers()) if (o.live()) live.add(o);
        if (live.isEmpty()) return ref;
        out.println();
        out.println("Prefer a specific backend for " + chosen.id() + "? (Enter: no, the router picks)");
        List<String> items = new ArrayList<>();
        for (RouterModel.Offer o : live) {
            String price = o.priceOut() == null ? "price not listed" : "$" + Figures.price(o.priceIn()) + " in / $"
                    + Figures.price(o.priceOut()) + " out per 1M";
            String speed = o.throughput() == null ? "" : " \u00b7 " + Math.round(o.throughput()) + " tok/s";
            items.add(String.format("%-16s %s%s", Printable.line(o.provider()), price, speed));
        }
        Integer n = new Menu(keyboard, out).choose(items, -1, "Backend [none]: ", "none");
        if (n == null) throw cancelled();
        return n == Menu.ENTER ? ref : chosen.withSuffix(live.get(n).provider()).ref();
    }
}

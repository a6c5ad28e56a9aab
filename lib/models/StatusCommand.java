import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code models status [--json] [--check] [--verify]}: the config file, default, fallbacks, aliases, base URL, and the
 * token: the one used (as OpenClaw itself picks it: its stored key first) and every other one found, with a
 * word where two disagree or where OpenClaw could not see it; OpenClaw's model policy and the models it leaves out.
 * {@code --check} exits 1 when there is no token OpenClaw can use, or when OpenClaw would refuse the default.
 */
final class StatusCommand {
    private final CommandLine cli;
    private final Env env;
    private final PrintStream out;

    StatusCommand(CommandLine cli, Env env, PrintStream out) {
        this.cli = cli;
        this.env = env;
        this.out = out;
    }

    static final Options OPTIONS = new Options()
            .add("--json", null, null, "as JSON")
            .add("--check", null, null,
                    "exit 1 when there is no token OpenClaw can use, or OpenClaw would refuse the default")
            .add("--verify", null, null, "ask Hugging Face now (whoami-v2) whether the token works and may call\n"
                    + "Inference Providers; exit 1 when it does not, or cannot be asked");

    int run() {
        boolean json = false, check = false, verify = false;
        while (cli.hasNext()) {
            switch (OPTIONS.take(cli, cli.next())) {
                case "--json" -> json = true;
                case "--check" -> check = true;
                case "--verify" -> verify = true;
                default -> throw new IllegalStateException();
            }
        }
        ConfigFile config = ConfigFile.of(env);
        JsonValue root = config.read();
        env.useConfig(root);
        for (String name : env.misplacedEnvKeys()) {
            env.warn("config env." + name
                    + ": OpenClaw refuses a string directly under env (Unrecognized key); move it to env.vars." + name);
        }
        env.willLookUp(BillTo.VARIABLE);
        Token.Found keys = Token.all(env, root);
        List<Token> tokens = keys.tokens();
        Token token = keys.first();
        List<String> notes = notes(tokens);
        notes.addAll(0, keys.notes());
        if (keys.blocked() != null) notes.add(0, keys.blocked());
        String primary = ConfigFile.string(root, ConfigFile.PRIMARY);
        List<String> fallbacks = ConfigFile.fallbacks(root);
        notes.addAll(unserved(root, primary, fallbacks));
        Map<String, String> aliases = ConfigFile.aliases(root);
        notes.addAll(policyNotes(root, primary, fallbacks, aliases));
        ModelAllowlist.Policy policy = ModelAllowlist.policy(root);
        boolean defaultRefused = primary != null && ModelAllowlist.refusesAsDefault(root, primary);
        String baseUrl = ConfigFile.baseUrl(env, root);
        BillTo billTo = BillTo.of(null, env, root);
        String oursAlone = billTo == null ? null : billTo.oursAlone(root);
        if (oursAlone != null) notes.add(oursAlone);
        boolean exists = Files.exists(config.path);
        TokenCheck verified = verify && token != null ? TokenCheck.of(env, token, env::warn) : null;
        boolean works = verified != null && verified.problem() == null;
        if (json) {
            Map<String, JsonValue> a = new LinkedHashMap<>();
            aliases.forEach((k, v) -> a.put(k, JsonValue.of(v)));
            List<JsonValue> found = new ArrayList<>();
            for (Token t : tokens) found.add(json(t));
            Output.json(out, Json.pretty(JsonValue.object(
                    "configPath", JsonValue.of(config.path.toString()),
                    "configExists", JsonValue.of(exists),
                    "primary", JsonValue.orNull(primary),
                    "fallbacks", JsonArray.ofStrings(fallbacks),
                    "aliases", new JsonObject(a),
                    "baseUrl", JsonValue.of(baseUrl),
                    "modelPolicy", policy == null ? JsonValue.NULL : JsonValue.object("path",
                            JsonValue.of(policy.path()), "allow", JsonArray.ofStrings(policy.refs()),
                            "defaultRefused", JsonValue.of(defaultRefused)),
                    "billTo", billTo == null ? JsonValue.NULL : JsonValue.object("org", JsonValue.of(billTo.org()),
                            "source", JsonValue.of(billTo.source()),
                            "openClaw", JsonValue.orNull(BillTo.header(root))),
                    "token", token == null ? JsonValue.NULL : json(token),
                    "tokenBlocked", JsonValue.orNull(keys.blocked()),
                    "tokens", new JsonArray(found),
                    "notes", JsonArray.ofStrings(notes),
                    // only when asked: what scripts parse today stays as it is
                    "verified", !verify ? null : JsonValue.object("works", JsonValue.of(works),
                            "account", verified == null || verified.who() == null ? JsonValue.NULL
                                    : JsonValue.of(verified.who().name()),
                            "problem", JsonValue.orNull(verified == null ? "no token to verify"
                                    : verified.problem())))));
        } else {
            out.println("Config:     " + config.shown + (exists ? "" : " (not created yet)"));
            out.println("Default:    " + (primary == null ? "(none)" : primary));
            out.println("Fallbacks:  " + (fallbacks.isEmpty() ? "(none)" : String.join(", ", fallbacks)));
            List<String> shownAliases = new ArrayList<>();
            aliases.forEach((k, v) -> shownAliases.add(k + " -> " + v));
            out.println("Aliases:    " + (aliases.isEmpty() ? "(none)" : String.join(", ", shownAliases)));
            out.println("Base URL:   " + baseUrl);
            if (policy != null) out.println("Allowed:    " + String.join(", ", policy.refs()) + " (" + policy.path()
                    + ")");
            out.println("Bill to:    " + (billTo == null
                    ? "your own account (set HF_BILL_TO=ORG to bill an organization)" : billTo.shown()));
            out.println("Token:      " + (keys.blocked() != null ? "none: OpenClaw has no key (see the note)"
                    : token == null ? "no token (set HF_TOKEN, or run " + Invocation.command("onboard") + ")"
                            : token.masked() + " from "
                            + token.source()));
            for (int i = 1; i < tokens.size(); i++) out.println("Also:       " + tokens.get(i).masked() + " from "
                    + tokens.get(i).source());
            if (verify) {
                out.println("Verified:   " + (verified == null ? "no token to verify"
                        : works ? "the token works: signed in as " + verified.who().shownName()
                                + ", and it may call Inference Providers"
                        : verified.problem()));
            }
            for (String note : notes) out.println("Note:       " + note);
        }
        if (verify && !works) return Cli.FAILURE;
        return check && (token == null || !token.openClawReads() || defaultRefused) ? 1 : 0;
    }

    /** The default, fallbacks and aliases that OpenClaw's model policy leaves out, each as OpenClaw will treat it. */
    private static List<String> policyNotes(JsonValue root, String primary, List<String> fallbacks, Map<String,
            String> aliases) {
        List<String> notes = new ArrayList<>();
        if (primary != null && !ModelAllowlist.allows(root, primary)) notes.add(ModelAllowlist.outside(root, primary,
                ModelAllowlist.Role.DEFAULT));
        for (String f : fallbacks) if (!ModelAllowlist.allows(root, f)) notes.add(ModelAllowlist.outside(root, f,
                ModelAllowlist.Role.FALLBACK));
        for (Map.Entry<String, String> a : aliases.entrySet()) {
            if (!a.getValue().equals(primary) && !fallbacks.contains(a.getValue()) && !ModelAllowlist.allows(root,
                    a.getValue())) {
                notes.add("alias " + a.getKey() + ": " + ModelAllowlist.outside(root, a.getValue(),
                        ModelAllowlist.Role.ALIAS));
            }
        }
        return notes;
    }

    private static JsonValue json(Token t) {
        return JsonValue.object("source", JsonValue.of(t.source()), "masked", JsonValue.of(t.masked()), "openClawReads",
                JsonValue.of(t.openClawReads()));
    }

    /** The default and fallbacks that the router's list, as last cached, no longer has (offline: no request here). */
    private List<String> unserved(JsonValue root, String primary, List<String> fallbacks) {
        List<String> notes = new ArrayList<>();
        Discovery.Result found = new Discovery(env, root, java.time.Instant.now()).discover(new Discovery.Options(true,
                false, java.time.Duration.ZERO));
        if (found.live() == null) return notes;
        List<String> chain = new ArrayList<>();
        if (primary != null) chain.add(primary);
        chain.addAll(fallbacks);
        for (int i = 0; i < chain.size(); i++) {
            String ref = chain.get(i);
            ModelRef parsed = ref.startsWith(ModelRef.PREFIX) ? ModelRef.orNull(ref) : null;
            if (parsed == null) continue;
            if (parsed.in(found.live()) != null) {
                // Listed, but pinned to a provider that does not serve it: said as models show and chat say it.
                try {
                    parsed.requireServed(found.live());
                } catch (ModelRefException e) {
                    notes.add((i == 0 && primary != null ? "the default " : "fallback ") + ref + ": " + e.getMessage());
                }
                continue;
            }
            notes.add((i == 0 && primary != null ? "the default " : "fallback ") + ref
                    + " is not in the router's list (as cached "
                    + UtcTime.format(found.fetchedAt()) + "): it is not served now" + (i == 0 && primary != null
                            ? (fallbacks.isEmpty() ? "; chat has no fallback to go to ("
                                    + Invocation.command("models") + " fallbacks add MODEL)"
                                    : "; chat will go to the fallbacks") : ""));
        }
        return notes;
    }

    /**
     * What the user should know about the tokens found: a token OpenClaw cannot see, and others that differ from the
     * one used.
     */
    static List<String> notes(List<Token> tokens) {
        List<String> notes = new ArrayList<>();
        if (tokens.isEmpty()) return notes;
        Token used = tokens.get(0);
        if (!used.openClawReads()) {
            notes.add("only this toolkit reads the " + used.source()
                    + ": OpenClaw will report \"Missing auth\"; run " + Invocation.command("onboard")
                            + " to store the token where it looks");
        }
        for (Token other : tokens.subList(1, tokens.size())) {
            if (other.secret().equals(used.secret())) continue;
            notes.add(other.source() + " differs from " + used.source() + "; " + (used.source().startsWith("OpenClaw's")
                    ? "OpenClaw uses the stored one" : "the first one found is used"));
        }
        return notes;
    }
}

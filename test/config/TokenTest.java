import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the token comes from, first found wins, and how it is shown. */
class TokenTest {
    @TempDir Path tmp;
    TestEnv t;

    @BeforeEach void setUp() { t = new TestEnv(tmp); }

    Token find(JsonValue config) {
        Env env = t.env();
        env.useConfig(config);
        return Token.find(env, config);
    }

    Token find() { return find(JsonValue.object()); }

    @Test void masksAllButThePrefixAndTheLastFour() {
        assertEquals("hf_…wxyz", Token.mask("hf_abcdefghijklmnopqrstuvwxyz"));
        assertEquals("hf_…gh", Token.mask("hf_abcdefgh"));
        assertEquals("…", Token.mask("abc"));
        assertEquals("hf_…", Token.mask("hf_"));
    }

    @Test void toStringNeverShowsTheSecret() {
        assertEquals("hf_…wxyz (environment variable HF_TOKEN)", new Token("hf_abcdefghijklmnopqrstuvwxyz",
                "environment variable HF_TOKEN").toString());
    }

    @Test void huggingfaceHubTokenWinsOverHfToken() {
        t.with("HF_TOKEN", "hf_second").with("HUGGINGFACE_HUB_TOKEN", "hf_first");
        assertEquals("environment variable HUGGINGFACE_HUB_TOKEN", find().source());
    }

    @Test void deprecatedVariableIsStillRead() {
        t.with("HUGGING_FACE_HUB_TOKEN", "hf_old");
        assertEquals("hf_old", find().secret());
    }

    @Test void processBeatsDotEnvFilesWhichBeatTheConfigBlock() {
        t.write(t.cwd.resolve(".env"), "HF_TOKEN=hf_from_cwd\n");
        t.write(t.state().resolve(".env"), "HF_TOKEN=hf_from_state\n");
        JsonValue config = Json5.parse("{ env: { vars: { HF_TOKEN: 'hf_from_config' } } }");
        assertEquals("./.env (HF_TOKEN)", find(config).source());
        t.write(t.cwd.resolve(".env"), "# nothing here\n");
        assertEquals("~/.openclaw/.env (HF_TOKEN)", find(config).source());
        t.write(t.state().resolve(".env"), "\n");
        assertEquals("config env.vars.HF_TOKEN", find(config).source());
        t.with("HF_TOKEN", "hf_from_process");
        assertEquals("hf_from_process", find(config).secret());
    }

    @Test void configEnvVarsBlock() {
        assertEquals("hf_vars", find(Json5.parse("{ env: { vars: { HF_TOKEN: 'hf_vars' } } }")).secret());
    }

    @Test void aStringDirectlyUnderEnvIsNotReadAsOpenClawRefusesIt() {
        Env env = t.env();
        JsonValue config = Json5.parse("{ env: { HF_TOKEN: 'hf_misplaced', vars: { OTHER: 'x' }, shellEnv: { enabled: "
                + "false } } }");
        env.useConfig(config);
        assertNull(Token.find(env, config));
        assertEquals(java.util.List.of("HF_TOKEN"), env.misplacedEnvKeys());
    }

    @Test void apiKeyLiteralOrVariableName() {
        assertEquals("config models.providers.huggingface.apiKey",
                find(Json5.parse("{ models: { providers: { huggingface: { apiKey: 'hf_literal' } } } }")).source());
        t.with("MY_HF_KEY", "hf_named");
        Token named = find(Json5.parse("{ models: { providers: { huggingface: { apiKey: 'MY_HF_KEY' } } } }"));
        assertEquals("hf_named", named.secret());
        assertEquals("environment variable MY_HF_KEY via config apiKey", named.source());
        assertNull(find(Json5.parse("{ models: { providers: { huggingface: { apiKey: 'UNSET_NAME' } } } }")));
    }

    @Test void tokenFileOfTheHuggingFaceLibraries() {
        t.write(t.home.resolve(".cache/huggingface/token"), "hf_cached\n");
        assertEquals("token file ~/.cache/huggingface/token", find().source());
        assertEquals("hf_cached", find().secret());
        t.write(tmp.resolve("xdg/huggingface/token"), "hf_xdg");
        t.with("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        assertEquals("hf_xdg", find().secret());
        t.write(tmp.resolve("hfhome/token"), "hf_home");
        t.with("HF_HOME", tmp.resolve("hfhome").toString());
        assertEquals("hf_home", find().secret());
        t.write(tmp.resolve("explicit"), "hf_path");
        t.with("HF_TOKEN_PATH", tmp.resolve("explicit").toString());
        assertEquals("hf_path", find().secret());
    }

    @Test void noTokenAnywhere() { assertNull(find()); }

    @Test void loginShellIsAskedOnlyWhenTheConfigSaysSo() {
        Path shell = tmp.resolve("fake-shell");
        // A stand-in login shell: answers the names it is given, the way `sh -l -c SCRIPT sh NAMES...` would.
        t.write(shell, "#!/bin/sh\nshift 3\nfor n in \"$@\"; do printf '%s=' \"$n\"; [ \"$n\" = HF_TOKEN ] && printf "
                + "'hf_from_shell'; printf '\\0'; done\n");
        shell.toFile().setExecutable(true);
        t.with("SHELL", shell.toString());
        assertNull(find(Json5.parse("{ env: { shellEnv: { enabled: false } } }")));
        Token token = find(Json5.parse("{ env: { shellEnv: { enabled: true } } }"));
        assertEquals("hf_from_shell", token.secret());
        assertEquals("login shell (HF_TOKEN)", token.source());
    }

    @Test void aVariableAskedOfTheLoginShellAfterAnotherIsStillFound() {
        Path shell = tmp.resolve("fake-shell");
        // Knows HF_ENDPOINT only, and counts its starts.
        t.write(shell, "#!/bin/sh\nshift 3\necho started >> " + tmp.resolve("starts")
                + "\nfor n in \"$@\"; do printf '%s=' \"$n\"; [ \"$n\" = HF_ENDPOINT ] && printf "
                        + "'https://hub.example'; printf '\\0'; done\n");
        shell.toFile().setExecutable(true);
        t.with("SHELL", shell.toString());
        Env env = t.env();
        JsonValue config = Json5.parse("{ env: { shellEnv: { enabled: true } } }");
        env.useConfig(config);
        assertNull(Token.find(env, config));
        assertEquals(new Env.Value("https://hub.example", "login shell (HF_ENDPOINT)"), env.lookup("HF_ENDPOINT"));
        assertNull(env.lookup("HF_TOKEN"));
        assertEquals("started\nstarted\n", t.read(tmp.resolve("starts")),
                "once for the token variables, once for HF_ENDPOINT; HF_TOKEN not asked again");
    }

    @Test void variablesSaidAheadAreAskedOfTheSameLoginShell() {
        Path shell = tmp.resolve("fake-shell");
        t.write(shell, "#!/bin/sh\nshift 3\necho started >> " + tmp.resolve("starts")
                + "\nfor n in \"$@\"; do printf '%s=' \"$n\"; [ \"$n\" = HF_BILL_TO ] && printf 'acme'; printf '\\0'; "
                        + "done\n");
        shell.toFile().setExecutable(true);
        t.with("SHELL", shell.toString());
        Env env = t.env();
        JsonValue config = Json5.parse("{ env: { shellEnv: { enabled: true } } }");
        env.useConfig(config);
        env.willLookUp("HF_BILL_TO", "HF_CHAT_LOG");
        assertNull(Token.find(env, config));
        assertEquals(new Env.Value("acme", "login shell (HF_BILL_TO)"), env.lookup("HF_BILL_TO"));
        assertNull(env.lookup("HF_CHAT_LOG"));
        assertEquals("started\n", t.read(tmp.resolve("starts")),
                "one login shell for the token variables and those said ahead");
    }

    @Test void aSilentLoginShellIsGivenUpOnAfterItsTimeout() {
        Path shell = tmp.resolve("slow-shell");
        t.write(shell, "#!/bin/sh\nexec sleep 30\n");
        shell.toFile().setExecutable(true);
        t.with("SHELL", shell.toString());
        Env env = t.env();
        JsonValue config = Json5.parse("{ env: { shellEnv: { enabled: true, timeoutMs: 200 } } }");
        env.useConfig(config);
        assertNull(Token.find(env, config));
        assertEquals(java.util.List.of("login shell " + shell + " gave no answer in 200 ms; skipped"), env.warnings());
    }

    @Test void storedTokenIsFoundAgainFromTheStateDotEnv() throws Exception {
        t.write(t.state().resolve(".env"), "OTHER=1\n");
        assertEquals(t.state().resolve(".env"), Token.store(t.env(), JsonValue.object(),
                new Token(" hf_stored_token_1234 ", "a test")).file());
        assertEquals("OTHER=1\nHF_TOKEN=hf_stored_token_1234\n", t.read(t.state().resolve(".env")));
        assertEquals("~/.openclaw/.env (HF_TOKEN)", find().source());
    }
}

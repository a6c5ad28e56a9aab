import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key OpenClaw 2026.9.6 sends, each form of it: what each test sets up is what `.ci/interop` sets up with the
 * real OpenClaw, and the key expected is the bearer OpenClaw sent to a recording router there.
 */
class OpenClawAuthTest {
    @TempDir Path tmp;
    TestEnv t;
    static final String WHERE = "~/.openclaw/agents/main/agent/auth-profiles.json";

    @BeforeEach void setUp() { t = new TestEnv(tmp); }

    /** A key store as OpenClaw keeps it; the legacy file holds the same JSON as the database row. */
    void store(String profilesJson) { t.write(t.state().resolve("agents/main/agent/auth-profiles.json"),
            "{\"version\":1,\"profiles\":" + profilesJson + "}"); }

    Token.Found all(String config) {
        JsonValue c = Json5.parse(config);
        Env env = t.env();
        env.useConfig(c);
        return Token.all(env, c);
    }

    String first(String config) {
        Token.Found f = all(config);
        return f.blocked() != null ? "blocked: " + f.blocked() : f.first() == null ? null : f.first().secret()
                + " from " + f.first().source();
    }

    static String apiKey(String value) { return "{ models: { providers: { huggingface: { apiKey: " + value
            + " } } } }"; }

    Path secretFile(String name, String text, String permissions) throws Exception {
        Path file = t.state().resolve(name);
        t.write(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    static final String TWO = "{\"huggingface:default\":{\"type\":\"api_key\",\"provider\":\"huggingface\",\"key\":\"hf_onboarded\"},"
            + "\"huggingface:manual\":{\"type\":\"api_key\",\"provider\":\"huggingface\",\"key\":\"hf_pasted\"}}";

    @Test void aProfileIdInApiKeyPicksThatProfileAndIsNotATokenItself() {
        store(TWO);
        assertEquals("hf_pasted from OpenClaw's auth profile huggingface:manual (named by config apiKey) (" + WHERE
                + ")", first(apiKey("'huggingface:manual'")));
        assertEquals(List.of("hf_pasted"),
                all(apiKey("'huggingface:manual'")).tokens().stream().map(Token::secret).toList());
    }

    @Test void aProfileIdTheStoreDoesNotHoldIsSaidAndNotSent() {
        Token.Found f = all("{ auth: { profiles: { 'huggingface:manual': { provider: 'huggingface', mode: 'api_key' } "
                + "} }, "
                + "models: { providers: { huggingface: { apiKey: 'huggingface:manual' } } } }");
        assertNull(f.first());
        assertEquals(List.of("config apiKey names the auth profile huggingface:manual, which OpenClaw's key store does "
                + "not hold: OpenClaw would send the name"
                + " itself as the key; run: openclaw models auth paste-api-key --provider huggingface"), f.notes());
    }

    @Test void aFileSecretRefComesBeforeTheStoredProfile() throws Exception {
        store(TWO);
        secretFile("hf-key.txt", "hf_from_file\n", "rw-------");
        String config = "{ secrets: { providers: { hffile: { source: 'file', path: '~/.openclaw/hf-key.txt', mode: "
                + "'singleValue' } } }, "
                + "models: { providers: { huggingface: { apiKey: { source: 'file', provider: 'hffile', id: 'value' } } "
                        + "} } }";
        assertEquals("hf_from_file from file ~/.openclaw/hf-key.txt (secrets.providers.hffile) via config apiKey "
                + "(SecretRef file:hffile:value)", first(config));
    }

    @Test void aJsonFileSecretRefFollowsItsPointer() throws Exception {
        secretFile("secrets.json", "{\"providers\": {\"hugging/face\": {\"apiKey\": \"hf_pointed\"}}}", "rw-------");
        String config = "{ secrets: { providers: { main: { source: 'file', path: '" + t.state().resolve("secrets.json")
                + "' } } }, "
                + "models: { providers: { huggingface: { apiKey: { source: 'file', provider: 'main', id: "
                        + "'/providers/hugging~1face/apiKey' } } } } }";
        assertEquals("hf_pointed from file ~/.openclaw/secrets.json (secrets.providers.main) at "
                + "/providers/hugging~1face/apiKey via config apiKey"
                + " (SecretRef file:main:/providers/hugging~1face/apiKey)", first(config));
    }

    @Test void aSecretFileOpenToOthersOrBehindALinkIsRefusedAsOpenClawRefusesIt() throws Exception {
        t.with("HF_TOKEN", "hf_not_a_way_round");
        String config = "{ secrets: { providers: { hffile: { source: 'file', path: '~/.openclaw/hf-key.txt', mode: "
                + "'singleValue' } } }, "
                + "models: { providers: { huggingface: { apiKey: { source: 'file', provider: 'hffile', id: 'value' } } "
                        + "} } }";
        Path file = secretFile("hf-key.txt", "hf_from_file\n", "rw-r--r--");
        assertEquals("blocked: file ~/.openclaw/hf-key.txt (secrets.providers.hffile) cannot be used: open to others "
                + "(rw-r--r--); OpenClaw refuses it: chmod 600", first(config));
        Files.delete(file);
        assertEquals("blocked: file ~/.openclaw/hf-key.txt (secrets.providers.hffile) does not exist: OpenClaw has no "
                + "key either", first(config));
        Path real = secretFile("real.txt", "hf_real", "rw-------");
        Files.createSymbolicLink(file, real);
        assertEquals("blocked: file ~/.openclaw/hf-key.txt (secrets.providers.hffile) cannot be used: a link; OpenClaw "
                + "refuses a secret file behind a link", first(config));
        Files.delete(file);
        Files.createLink(file, real);
        assertEquals("blocked: file ~/.openclaw/hf-key.txt (secrets.providers.hffile) cannot be used: hard-linked (2 "
                + "names); OpenClaw refuses it", first(config));
    }

    @Test void aSecretFileThatIsNotJsonIsSaidWithoutQuotingIt() throws Exception {
        secretFile("hf-key.txt", "hf_secret_text\n", "rw-------");
        String config = "{ secrets: { providers: { main: { source: 'file', path: '~/.openclaw/hf-key.txt' } } }, "
                + "models: { providers: { huggingface: { apiKey: { source: 'file', provider: 'main', id: '/hf' } } } } "
                        + "}";
        assertEquals("blocked: file ~/.openclaw/hf-key.txt (secrets.providers.main) is not JSON (for a file holding "
                + "only the key, set mode: \"singleValue\")", first(config));
    }

    @Test void anEnvSecretRefIsReadAndOneThatIsNotSetLeavesNoKey() {
        store(TWO);
        t.write(t.state().resolve(".env"), "MY_HF_KEY=hf_from_env_ref\n");
        assertEquals("hf_from_env_ref from ~/.openclaw/.env (MY_HF_KEY) via config apiKey (SecretRef env:MY_HF_KEY)",
                first(apiKey("{ source: 'env', provider: 'default', id: 'MY_HF_KEY' }")));
        assertEquals("hf_from_env_ref from ~/.openclaw/.env (MY_HF_KEY) via config apiKey (SecretRef env:MY_HF_KEY)",
                first(apiKey("'${MY_HF_KEY}'")));
        t.with("HF_TOKEN", "hf_not_a_way_round");
        assertEquals("blocked: config models.providers.huggingface.apiKey takes the key from MY_MISSING, which is not "
                + "set: OpenClaw has no key either",
                first(apiKey("{ source: 'env', provider: 'default', id: 'MY_MISSING' }")));
    }

    @Test void anExecSecretRefIsOpenClawsAloneAndWhatWeFindInsteadIsMarkedSo() {
        t.with("HF_TOKEN", "hf_ours");
        Token.Found f = all("{ secrets: { providers: { vault: { source: 'exec', command: '/usr/bin/vault' } } }, "
                + "models: { providers: { huggingface: { apiKey: { source: 'exec', provider: 'vault', id: 'hf/key' } } "
                        + "} } }");
        assertEquals(List.of("config models.providers.huggingface.apiKey is an exec SecretRef (OpenClaw runs "
                + "secrets.providers.vault's command);"
                + " this toolkit runs no secret commands: set HF_TOKEN for this toolkit"), f.notes());
        assertEquals("hf_ours", f.first().secret());
        assertEquals(false, f.first().openClawReads());
    }

    static final String KEY_REF = "{\"huggingface:default\":{\"type\":\"api_key\",\"provider\":\"huggingface\","
            + "\"keyRef\":{\"source\":\"env\",\"provider\":\"default\",\"id\":\"HUGGINGFACE_HUB_TOKEN\"}}}";

    @Test void aKeyRefProfileReadsItsVariableAndHfTokenIsNoWayRound() {
        store(KEY_REF);
        t.write(t.state().resolve(".env"), "HF_TOKEN=hf_not_a_way_round\n");
        assertEquals("blocked: OpenClaw's auth profile huggingface:default (keyRef, " + WHERE
                + ") takes the key from HUGGINGFACE_HUB_TOKEN,"
                + " which is not set: OpenClaw has no key either", first("{}"));
        t.write(t.state().resolve(".env"), "HF_TOKEN=hf_not_a_way_round\nHUGGINGFACE_HUB_TOKEN=hf_referenced\n");
        assertEquals("hf_referenced from ~/.openclaw/.env (HUGGINGFACE_HUB_TOKEN) via OpenClaw's auth profile "
                + "huggingface:default (keyRef, " + WHERE + ")", first("{}"));
    }

    @Test void anInactiveSetupReplacementIsSkipped() {
        store("{\"huggingface:setup-1\":{\"type\":\"api_key\",\"provider\":\"huggingface\",\"setup\":{\"replacement\":true},\"key\":\"hf_inactive\"}}");
        t.write(t.state().resolve(".env"), "HF_TOKEN=hf_ours\n");
        assertEquals("hf_ours from ~/.openclaw/.env (HF_TOKEN)", first("{}"));
    }

    @Test void theOrderIsAuthOrderElseTheLeastRecentlyUsed() {
        t.write(t.state().resolve("agents/main/agent/auth-profiles.json"), "{\"version\":1,\"profiles\":" + TWO
                + ",\"usageStats\":{\"huggingface:default\":{\"lastUsed\":200},\"huggingface:manual\":{\"lastUsed\":100}}}");
        assertEquals("hf_pasted", all("{}").first().secret());
        assertEquals("hf_onboarded",
                all("{ auth: { order: { huggingface: ['huggingface:default', 'huggingface:manual'] } } "
                        + "}").first().secret());
        assertEquals("hf_onboarded",
                all("{ auth: { profiles: { 'huggingface:default': { provider: 'huggingface', mode: 'api_key' } } } "
                        + "}").first().secret());
        assertNull(all("{ auth: { profiles: { 'huggingface:manual': { provider: 'huggingface', mode: 'token' } } } "
                + "}").first());
    }

    @Test void apiKeyNamingHfTokenComesBeforeTheStoredProfileAndALiteralAfterIt() {
        store(TWO);
        t.with("HF_TOKEN", "hf_env");
        assertEquals("hf_env from environment variable HF_TOKEN via config apiKey", first(apiKey("'HF_TOKEN'")));
        assertEquals("hf_onboarded", all(apiKey("'hf_literal'")).first().secret());
    }

    Token.Stored stored(String config) throws Exception {
        JsonValue c = Json5.parse(config);
        Env env = t.env();
        env.useConfig(c);
        return Token.store(env, c, new Token("hf_new", "a test"));
    }

    @Test void aStoredTokenGoesWhereOpenClawReadsIt() throws Exception {
        assertEquals(new Token.Stored(t.state().resolve(".env"), "HF_TOKEN", null), stored("{}"));
        store(KEY_REF);
        assertEquals(new Token.Stored(t.state().resolve(".env"), "HUGGINGFACE_HUB_TOKEN", null), stored("{}"));
        assertEquals("HF_TOKEN=hf_new\nHUGGINGFACE_HUB_TOKEN=hf_new\n", t.read(t.state().resolve(".env")));
        assertEquals(new Token.Stored(t.state().resolve(".env"), "MY_HF_KEY", null),
                stored(apiKey("{ source: 'env', id: 'MY_HF_KEY' }")));
        store(TWO);
        assertEquals("it sends OpenClaw's auth profile huggingface:default (" + WHERE + ") instead",
                stored("{}").notRead());
    }
}

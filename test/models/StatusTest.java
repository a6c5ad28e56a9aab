import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** models status where OpenClaw keeps its own key: which token is used, what else was found, and what disagrees. */
class StatusTest {
    /** What test/fixtures/sqlite/openclaw.sqlite stores for huggingface:default. */
    static final String STORED = "hf_TESTstoredInSqlite0123456789ab";

    @TempDir Path tmp;
    TestEnv t;

    @BeforeEach void setUp() {
        t = new TestEnv(tmp);
        t.write(t.config(), "{}\n");
    }

    static String tail(Run r) { return r.out().substring(r.out().indexOf("Token:")); }

    @Test void openClawsStoredKeyComesFirstAndADifferentEnvFileTokenIsNamed() throws Exception {
        t.storeKeyLikeOpenClaw();
        t.write(t.state().resolve(".env"), "HF_TOKEN=hf_fromTheEnvFile0000000000abcd\n");
        Run r = t.models("status", "--check");
        assertEquals(0, r.status());
        assertEquals("""
                Token:      hf_…89ab from OpenClaw's stored key huggingface:default (~/.openclaw/state/openclaw.sqlite)
                Also:       hf_…abcd from ~/.openclaw/.env (HF_TOKEN)
                Note:       ~/.openclaw/.env (HF_TOKEN) differs from OpenClaw's stored key huggingface:default (~/.openclaw/state/openclaw.sqlite); OpenClaw uses the stored one
                """, tail(r));
    }

    @Test void theSameTokenTwiceIsNoNews() throws Exception {
        t.storeKeyLikeOpenClaw();
        t.with("HF_TOKEN", STORED);
        assertEquals("""
                Token:      hf_…89ab from OpenClaw's stored key huggingface:default (~/.openclaw/state/openclaw.sqlite)
                Also:       hf_…89ab from environment variable HF_TOKEN
                """, tail(t.models("status")));
    }

    @Test void theStoredKeyIsTheOneChatWouldSend() throws Exception {
        t.storeKeyLikeOpenClaw();
        t.with("HF_TOKEN", "hf_fromTheEnvironment000000000000");
        Env env = t.env();
        assertEquals(STORED, Token.find(env, Json.parse("{}")).secret());
    }

    @Test void aTokenOnlyInTheHuggingFaceTokenFileIsOursAloneAndCheckSaysSo() {
        t.write(t.home.resolve(".cache/huggingface/token"), "hf_onlyInTheTokenFile00000000wxyz\n");
        Run r = t.models("status", "--check");
        assertEquals(1, r.status());
        assertEquals("""
                Token:      hf_…wxyz from token file ~/.cache/huggingface/token
                Note:       only this toolkit reads the token file ~/.cache/huggingface/token: OpenClaw will report "Missing auth"; run onboard to store the token where it looks
                """, tail(r));
    }

    @Test void aDamagedKeyStoreIsAWarningAndTheNextSourceServes() throws Exception {
        Files.createDirectories(t.state().resolve("state"));
        t.write(t.state().resolve("state/openclaw.sqlite"), "SQLite format 3\0" + "x".repeat(200));
        t.with("HF_TOKEN", "hf_fromTheEnvironment00000000wxyz");
        Run r = t.models("status");
        assertEquals("Token:      hf_…wxyz from environment variable HF_TOKEN\n", tail(r));
        assertEquals("models: warning: cannot read OpenClaw's key store ~/.openclaw/state/openclaw.sqlite ("
                + t.state().resolve("state/openclaw.sqlite")
                + ": bad page size 30840); skipped\n", r.err());
    }

    @Test void theLegacyAuthProfilesFileOfEarlierOpenClaws() {
        t.write(t.state().resolve("agents/main/agent/auth-profiles.json"),
                "{\"version\":1,\"profiles\":{\"huggingface:work\":{\"type\":\"api_key\",\"provider\":\"huggingface\",\"key\":\"hf_legacyProfileKey0000000000lgcy\"}}}");
        assertEquals("Token:      hf_…lgcy from OpenClaw's auth profile huggingface:work "
                + "(~/.openclaw/agents/main/agent/auth-profiles.json)\n", tail(t.models("status")));
    }

    @Test void aStringDirectlyUnderEnvIsReportedWithItsValidForm() {
        t.write(t.config(), "{ env: { HF_TOKEN: 'hf_misplaced0000000000000000wxyz' } }\n");
        Run r = t.models("status");
        assertEquals("Token:      no token (set HF_TOKEN, or run onboard)\n", tail(r));
        assertEquals("models: warning: config env.HF_TOKEN: OpenClaw refuses a string directly under env (Unrecognized "
                + "key); move it to env.vars.HF_TOKEN\n", r.err());
    }

    /**
     * A key every command reads, of the wrong type: one line naming the file, line and column, exit 1, whichever
     * command.
     */
    @Test void aKeyOfTheWrongTypeIsSaidWithItsFileLineAndColumn() {
        Object[][] cases = {
            {"{ agents: { defaults: { model: { primary: 42 } } } }",
                    "1:43: agents.defaults.model.primary is the number 42, not a string"},
            {"{\n  agents: { defaults: { model: {\n    fallbacks: ['x', true] } } } }",
                    "3:22: agents.defaults.model.fallbacks[1] is the boolean true, not a string"},
            {"{ models: { providers: { huggingface: { baseUrl: ['x'] } } } }",
                    "1:50: models.providers.huggingface.baseUrl is an array, not a string"},
        };
        for (Object[] c : cases) {
            t.write(t.config(), (String) c[0]);
            String said = "~/.openclaw/openclaw.json:" + c[1] + "\n";
            assertEquals(new Run(1, "", "models: " + said), t.models("status"), (String) c[0]);
            assertEquals(new Run(1, "", "models: " + said), t.models("list", "--offline"), (String) c[0]);
        }
    }

    /** --verify asks whoami now: the token works, is rejected, or lacks the permission; exit 1 unless it works. */
    @Test void verifyAsksHuggingFaceWhetherTheTokenWorks() throws Exception {
        try (FakeRouter hub = new FakeRouter()) {
            String lacking = Repo.read("test/fixtures/whoami-v2_finegrained.json").replace("inference.serverless.write",
                    "repo.read");
            hub.answer("/api/whoami-v2", FakeRouter.Answer.json(200,
                    Repo.read("test/fixtures/whoami-v2_finegrained.json")),
                    FakeRouter.Answer.json(401, "{\"error\":\"Invalid credentials in Authorization header\"}"),
                    FakeRouter.Answer.json(200, lacking));
            t.with("HF_ENDPOINT", hub.hubUrl()).with("HF_TOKEN", "hf_verifyMe0123456789");
            Run works = t.models("status", "--verify");
            assertEquals(0, works.status(), works.err());
            assertEquals(true, works.out().contains("\nVerified:   the token works: signed in as example-user, and it "
                    + "may call"
                    + " Inference Providers\n"), works.out());
            Run rejected = t.models("status", "--verify");
            assertEquals(1, rejected.status());
            assertEquals(true, rejected.out().contains("\nVerified:   Hugging Face rejected the token (401)\n"),
                    rejected.out());
            Run lacks = t.models("status", "--verify", "--json");
            assertEquals(1, lacks.status());
            JsonObject verified = Json.parse(lacks.out()).asObject().get("verified").asObject();
            assertEquals(false, verified.boolOr("works", true));
            assertEquals("example-user", verified.string("account"));
            assertEquals(true, verified.string("problem").contains("lacks the \"Make calls to Inference Providers\" "
                    + "permission"),
                    verified.string("problem"));
            assertEquals("Bearer hf_verifyMe0123456789", hub.requests.get(0).authorization());
        }
    }

    @Test void aPinnedProviderThatDoesNotServeTheDefaultIsANote() {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: 'huggingface/deepseek-ai/DeepSeek-R1:sambanova' "
                + "} } } }");
        t.cacheModelList(Repo.read("test/fixtures/router-models.json"));
        assertEquals(true, t.models("status").out().contains("\nNote:       the default "
                + "huggingface/deepseek-ai/DeepSeek-R1:sambanova:"
                + " ':sambanova' does not serve deepseek-ai/DeepSeek-R1; providers that do: novita, together, "
                        + "featherless-ai\n"));
    }
}

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * models sync: the configured refs' real prices, context window and tool support written into
 * models.providers.huggingface.models[] in OpenClaw's schema, from the provider each ref resolves to; the user's own
 * fields and everything else in the config kept.
 */
class SyncTest extends RouterTest {
    static final String CONFIG = """
            // the user's config, comments and all
            {
              agents: {
                defaults: {
                  model: {
                    primary: "huggingface/deepseek-ai/DeepSeek-R1",
                    fallbacks: ["huggingface/deepseek-ai/DeepSeek-R1:cheapest"],
                  },
                  models: {
                    "huggingface/deepseek-ai/DeepSeek-R1": {},
                    "huggingface/Qwen/Qwen3-8B:nscale": { alias: "qwen" },
                    "huggingface/zai-org/GLM-4.5V": {},
                    "openai/gpt-4o": {},
                  },
                  modelPolicy: { allow: ["huggingface/deepseek-ai/*"] },
                },
              },
              models: {
                mode: "merge",
                providers: {
                  huggingface: {
                    baseUrl: "https://router.huggingface.co/v1",
                    api: "openai-completions",
                    models: [
                      { id: "deepseek-ai/DeepSeek-R1:cheapest", name: "My cheap R1", maxTokens: 4096,
                        cost: { input: 99, output: 99, cacheRead: 99, cacheWrite: 99 } },
                    ],
                  },
                },
              },
            }
            """;

    @BeforeEach void setUp() {
        t.with("HF_TOKEN", "hf_test_token_abcd1234");
        t.write(t.config(), CONFIG);
        router.maybe("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
    }

    JsonValue config() { return Json5.parse(t.read(t.config())); }

    List<JsonObject> entries() { return config().at(ConfigFile.PROVIDER_MODELS).asArray().objects(); }

    @Test void eachConfiguredRefGetsItsProvidersFigures() {
        assertEquals(new Run(0, """
                huggingface/deepseek-ai/DeepSeek-R1: added (together, fastest: $3 in, $7 out per 1M tokens; context 65536; no tools)
                huggingface/deepseek-ai/DeepSeek-R1:cheapest: updated (novita, cheapest: $0.7 in, $2.5 out per 1M tokens; context 65536; no tools)
                huggingface/Qwen/Qwen3-8B:nscale: added (nscale, pinned: $0.06 in, $0.25 out per 1M tokens; context 40960; tools)
                """, """
                models: warning: huggingface/zai-org/GLM-4.5V: no live provider lists a price; its entry is left as it is
                models: wrote models.providers.huggingface.models[] in ~/.openclaw/openclaw.json; OpenClaw now counts these prices
                """), t.models("sync"));
        assertEquals(List.of(Json.parse("""
                {"id":"deepseek-ai/DeepSeek-R1:cheapest","name":"My cheap R1","maxTokens":4096,
                 "cost":{"input":0.7,"output":2.5,"cacheRead":0.7,"cacheWrite":0.7},"contextWindow":65536,
                 "compat":{"supportsTools":false}}"""), Json.parse("""
                {"id":"deepseek-ai/DeepSeek-R1","name":"DeepSeek R1","reasoning":true,"input":["text"],
                 "cost":{"input":3,"output":7,"cacheRead":3,"cacheWrite":3},"contextWindow":65536,"maxTokens":8192,
                 "compat":{"supportsTools":false}}"""), Json.parse("""
                {"id":"Qwen/Qwen3-8B:nscale","name":"Qwen3 8B (router) (nscale)","reasoning":true,"input":["text"],
                 "cost":{"input":0.06,"output":0.25,"cacheRead":0.06,"cacheWrite":0.06},"contextWindow":40960,
                 "maxTokens":8192,"compat":{"supportsTools":true}}""")), entries());
        // Nothing but the entries changed: the comment, the policy, the default, the other models.
        String text = t.read(t.config());
        assertEquals(CONFIG.substring(0, CONFIG.indexOf("models: [")), text.substring(0, text.indexOf("models: [")));
        assertEquals(Json.parse("[\"huggingface/deepseek-ai/*\"]"), config().at(ModelAllowlist.ALLOW));
    }

    @Test void againIsUnchangedAndWritesNothingAndNewPricesUpdate() throws Exception {
        t.models("sync");
        String once = t.read(t.config());
        Run again = t.models("sync");
        assertEquals(List.of("unchanged", "unchanged", "unchanged"), again.out().lines()
                .map(l -> l.replaceAll("^[^ ]+: (\\w+) .*", "$1")).toList());
        assertEquals("models: warning: huggingface/zai-org/GLM-4.5V: no live provider lists a price; its entry is left as it "
                + "is\n", again.err());
        assertEquals(once, t.read(t.config()));
        router.maybe("/v1/models", 200, Repo.read("test/fixtures/router-models.json").replace("\"output\":2.5",
                "\"output\":2.2"));
        Run later = t.models("sync", "--refresh");
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1:cheapest: updated (novita, cheapest: $0.7 in, $2.2 out per"
                + " 1M tokens; context 65536; no tools)", later.out().lines().toList().get(1));
        assertEquals(Json.parse("2.2"), entries().get(0).at(List.of("cost", "output")));
    }

    @Test void aDryRunWritesNothing() {
        assertEquals(new Run(0, """
                huggingface/deepseek-ai/DeepSeek-R1: would be added (together, fastest: $3 in, $7 out per 1M tokens; context 65536; no tools)
                huggingface/deepseek-ai/DeepSeek-R1:cheapest: would be updated (novita, cheapest: $0.7 in, $2.5 out per 1M tokens; context 65536; no tools)
                huggingface/Qwen/Qwen3-8B:nscale: would be added (nscale, pinned: $0.06 in, $0.25 out per 1M tokens; context 40960; tools)
                """, """
                models: warning: huggingface/zai-org/GLM-4.5V: no live provider lists a price; its entry is left as it is
                models: nothing was written (--dry-run)
                """), t.models("sync", "--dry-run"));
        assertEquals(CONFIG, t.read(t.config()));
    }

    /** Our own list still shows one row per model and one per suffixed ref: a synced entry is not a model. */
    @Test void ourListIsTheSameAfterASync() {
        String before = t.models("--plain").out();
        t.models("sync");
        assertEquals(before, t.models("--plain").out());
    }

    @Test void withoutAListOrARefItSaysSoAndWritesNothing() {
        assertEquals(new Run(1, "", "models: no model list to take prices from (the built-in catalog lists none per "
                + "provider); nothing was written\n"), t.models("sync", "--offline"));
        t.write(t.config(), "{}");
        assertEquals(new Run(1, "", "models: the config names no Hugging Face model to sync (set one with 'models set "
                + "MODEL')\n"), t.models("sync"));
        assertEquals("{}", t.read(t.config()));
    }
}

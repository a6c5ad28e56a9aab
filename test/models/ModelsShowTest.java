import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** models show, and pinned providers checked against the router's list. */
class ModelsShowTest extends RouterTest {
    @BeforeEach void setUp() throws Exception {
        router.maybe("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
    }

    @Test void showsFactsProvidersEstimatesAndRefs() {
        assertEquals(new Run(0, """
                DeepSeek R1  huggingface/deepseek-ai/DeepSeek-R1
                Context:   164k tokens, up to 8192 out
                Price:     $0.70 in / $2.50 out per 1M tokens
                Input:     text
                Tags:      reasoning tools

                PROVIDER        STATUS   CTX  IN $/M  OUT $/M  TOOLS  JSON  LATENCY  TOK/S
                novita          live     66k    0.70     2.50     no    no  1201 ms     30
                together        live    164k    3.00     7.00    yes   yes   611 ms     86
                featherless-ai  live       -       -        -      -     -        -      -

                :cheapest: novita ($2.50 out per 1M) — estimate
                :fastest:  together (86 tokens/s) — estimate
                OpenClaw:  budgets 66k tokens of context (novita's, the smallest of the providers not in error); pinning :together gives 164k
                           treats it as without tools (novita has none), so its agent gives it no tools

                Refs:
                  huggingface/deepseek-ai/DeepSeek-R1
                  huggingface/deepseek-ai/DeepSeek-R1:cheapest
                  huggingface/deepseek-ai/DeepSeek-R1:fastest
                  huggingface/deepseek-ai/DeepSeek-R1:novita
                  huggingface/deepseek-ai/DeepSeek-R1:together
                  huggingface/deepseek-ai/DeepSeek-R1:featherless-ai
                """, ""), t.models("show", "deepseek-ai/DeepSeek-R1"));
    }

    @Test void json() {
        JsonObject o = Json.parse(t.models("show", "huggingface/deepseek-ai/DeepSeek-V4-Pro",
                "--json").out()).asObject();
        assertEquals(Json.parse("{\"cheapest\":\"novita\",\"fastest\":\"fireworks-ai\"}"), o.get("estimatedPicks"));
        assertEquals(5, o.get("providers").asArray().size());
        assertEquals(1048576, o.get("contextWindow").asNumber().longValue());
    }

    @Test void unknownModelSuggestsNearOnes() {
        assertEquals(new Run(1, "",
                "models: no model DeepSek-R1; did you mean huggingface/deepseek-ai/DeepSeek-R1, "
                        + "huggingface/deepseek-ai/DeepSeek-V3.1, huggingface/deepseek-ai/DeepSeek-V3.2?\n"),
                t.models("show", "DeepSek-R1"));
        assertEquals(new Run(1, "", "models: no model nothing-like-it/at-all; see 'models list'\n"), t.models("show",
                "nothing-like-it/at-all"));
    }

    @Test void offlineShowsTheBuiltInFacts() {
        Run r = t.models("show", "openai/gpt-oss-120b", "--offline");
        assertEquals(0, r.status());
        assertEquals("""
                GPT-OSS 120B  huggingface/openai/gpt-oss-120b
                Context:   131k tokens, up to 8192 out
                Price:     $0.00 in / $0.00 out per 1M tokens
                Input:     text
                Tags:      reasoning

                Providers: unknown (built-in catalog; run without --offline to ask the router)

                Refs:
                  huggingface/openai/gpt-oss-120b
                  huggingface/openai/gpt-oss-120b:cheapest
                  huggingface/openai/gpt-oss-120b:fastest
                """, r.out());
        assertEquals(0, router.requests.size());
    }

    @Test void aPinnedProviderThatDoesNotServeTheModelIsRefused() {
        assertEquals(new Run(1, "",
                "models: ':sambanova' does not serve deepseek-ai/DeepSeek-R1; providers that do: novita, together, "
                        + "featherless-ai\n"),
                t.models("show", "deepseek-ai/DeepSeek-R1:sambanova"));
        t.models("--plain");  // the list is now cached
        // One mistake, one message and one exit code, in show and set alike.
        assertEquals(new Run(1, "",
                "models: ':sambanova' does not serve deepseek-ai/DeepSeek-R1; providers that do: novita, together, "
                        + "featherless-ai\n"),
                t.models("set", "deepseek-ai/DeepSeek-R1:sambanova"));
        assertEquals(new Run(0, "Default model: huggingface/deepseek-ai/DeepSeek-R1:together\n", ""), t.models("set",
                "deepseek-ai/DeepSeek-R1:together"));
    }

    @Test void aModelTheKnownListLacksIsRefusedUnlessForced() {
        t.models("--plain");  // the list is now cached
        assertEquals(new Run(1, "",
                "models: no model deepseek-ai/DeepSeek-R2 in the router's list; did you mean "
                        + "huggingface/deepseek-ai/DeepSeek-R1, huggingface/deepseek-ai/DeepSeek-V4-Pro?"
                + " (--force writes it anyway)\n"), t.models("set", "deepseek-ai/DeepSeek-R2"));
        assertEquals(new Run(1, "",
                "models: no model my-org/unknown-model in the router's list; see 'models list' (--force writes it "
                        + "anyway)\n"),
                t.models("fallbacks", "add", "my-org/unknown-model:groq"));
        assertEquals(new Run(0, "Added fallback #1: huggingface/my-org/unknown-model:groq\n", ""), t.models("fallbacks",
                "add", "--force", "my-org/unknown-model:groq"));
        assertEquals(new Run(0, "Default model: huggingface/deepseek-ai/DeepSeek-R2\n", ""), t.models("set",
                "deepseek-ai/DeepSeek-R2", "--force"));
    }
}

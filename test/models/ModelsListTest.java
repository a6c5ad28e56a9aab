import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** models list: discovery against our fake router, the merge, the cache, failures, filters. */
class ModelsListTest extends RouterTest {
    static final String MODELS = Repo.read("test/fixtures/router-models.json");

    @BeforeEach void setUp() throws Exception {
        router.maybe("/v1/models", 200, MODELS);
    }

    @Test void builtInCatalogOffline() {
        Run r = t.models("--offline");
        String[] lines = r.out().split("\n");
        assertEquals("MODEL                                          NAME                     CTX  IN $/M  OUT $/M  "
                + "PROVIDERS  TAGS", lines[0]);
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1            DeepSeek R1             131k    3.00     7.00  -  "
                + "        reasoning", lines[1]);
        assertEquals("huggingface/moonshotai/Kimi-K2.5               Kimi K2.5               262k    0.60     3.00  -  "
                + "        reasoning vision", lines[11]);
        assertEquals(12, lines.length);
        assertEquals("11 models · built-in catalog (updated 2026-11-21)\n", r.err());
        assertEquals("1 model · built-in catalog (updated 2026-11-21)\n", t.models("--offline", "--search",
                "kimi").err());
        assertEquals(List.of(), router.requests);
    }

    @Test void liveListMergedWithTheBuiltInCatalog() {
        Run r = t.models();
        assertEquals(0, r.status());
        assertEquals("""
                MODEL                                    NAME                 CTX  IN $/M  OUT $/M  PROVIDERS                                              TAGS
                huggingface/deepseek-ai/DeepSeek-R1      DeepSeek R1         164k    0.70     2.50  novita,together,featherless-ai                         reasoning tools
                huggingface/Qwen/Qwen3-8B                Qwen3 8B (router)    41k    0.06     0.25  nscale                                                 reasoning tools
                huggingface/deepseek-ai/DeepSeek-V4-Pro  DeepSeek V4 Pro    1049k    1.69     3.38  novita,together,fireworks-ai,featherless-ai,deepinfra  tools
                huggingface/zai-org/GLM-4.5V             GLM 4.5V            131k       -        -  -                                                      vision
                huggingface/some-org/tiny-chat_v2        Tiny Chat V2        131k       -        -  hf-inference
                """, r.out());
        assertTrue(r.err().startsWith("5 models · live from the router"), r.err());
        assertEquals("GET /v1/models", router.requests.get(0).method() + " " + router.requests.get(0).path());
        assertNull(router.requests.get(0).authorization(), "no token, no header");
    }

    @Test void sendsTheTokenWhenThereIsOne() {
        t.with("HF_TOKEN", "hf_test_token_abcd");
        t.models("--plain");
        assertEquals("Bearer hf_test_token_abcd", router.requests.get(0).authorization());
    }

    @Test void allShowsBuiltInModelsTheRouterNoLongerLists() {
        Run r = t.models("--all", "--plain");
        assertTrue(r.out().startsWith("huggingface/deepseek-ai/DeepSeek-R1\nhuggingface/Qwen/Qwen3-8B\nhuggingface/deepseek-ai/DeepSeek-V4-Pro\n"), r.out());
        assertEquals(5 + 9, r.out().lines().count());
        assertTrue(t.models("--all").out().contains("GPT-OSS 120B"));
        assertTrue(t.models("--all", "--search",
                "gpt-oss").out().lines().skip(1).findFirst().orElseThrow().endsWith("unlisted"));
    }

    @Test void jsonCarriesProvidersWithMissingFieldsAsNull() {
        JsonObject o = Json.parse(t.models("--json").out()).asObject();
        assertEquals("live", o.get("source").asString());
        assertEquals(5, o.get("count").asNumber().longValue());
        JsonValue r1 = o.get("models").asArray().get(0);
        assertEquals(Json.parse("""
                {"provider":"featherless-ai","status":"live","contextLength":null,"pricing":{"input":null,"output":null},
                 "supportsTools":null,"supportsStructuredOutput":null,"firstTokenLatencyMs":null,"throughput":null}"""),
                r1.asObject().get("providers").asArray().get(2));
        assertEquals(Json.parse("""
                {"provider":"together","status":"live","contextLength":163840,"pricing":{"input":3,"output":7},
                 "supportsTools":true,"supportsStructuredOutput":true,"firstTokenLatencyMs":611,"throughput":85.7}"""),
                r1.asObject().get("providers").asArray().get(1));
        assertEquals(Json.parse("{\"input\":0.7,\"output\":2.5}"), r1.asObject().get("cost"));
    }

    @Test void aConfiguredModelTheRouterDroppedIsStillListedTaggedUnlisted() {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: 'huggingface/moonshotai/Kimi-K2.5', fallbacks: "
                + "['huggingface/gone-org/Gone-7B:cheapest'] } } } }");
        String out = t.models("--plain").out();
        assertTrue(out.endsWith("huggingface/moonshotai/Kimi-K2.5\nhuggingface/gone-org/Gone-7B\nhuggingface/gone-org/Gone-7B:cheapest\n"), out);
        String table = t.models().out();
        assertTrue(table.contains("\nhuggingface/moonshotai/Kimi-K2.5  ")
                && table.contains("default reasoning vision unlisted\n"), table);
        assertTrue(table.contains("fallback#1 unlisted\n"), table);
        Run status = t.models("status");
        assertTrue(status.out().endsWith("""
                Note:       the default huggingface/moonshotai/Kimi-K2.5 is not in the router's list (as cached %s): it is not served now; chat will go to the fallbacks
                Note:       fallback huggingface/gone-org/Gone-7B:cheapest is not in the router's list (as cached %s): it is not served now
                """.formatted(cachedAt(), cachedAt())), status.out());
    }

    /** When the list in the cache was fetched. */
    String cachedAt() {
        return Json.parse(t.read(t.state().resolve("cache/huggingface-models.json"))).asObject().string("fetchedAt");
    }

    @Test void aModelWhoseContextNobodyStatesHasOpenClawsDefaultNotZero() {
        JsonArray models = Json.parse(t.models("--json").out()).asObject().get("models").asArray();
        JsonObject tiny = models.objects().stream().filter(m -> m.string("id").equals("some-org/tiny-chat_v2")).findFirst().orElseThrow();
        assertEquals(131072, tiny.longOr("contextWindow", -1));
    }

    @Test void tagsFromTheConfig() {
        t.write(t.config(), """
                { agents: { defaults: {
                    model: { primary: 'huggingface/Qwen/Qwen3-8B:cheapest', fallbacks: ['huggingface/deepseek-ai/DeepSeek-R1'] },
                    models: { 'huggingface/deepseek-ai/DeepSeek-R1': { alias: 'R1' } } } } }
                """);
        String out = t.models("--search", "qwen3-8b").out() + t.models("--search", "R1").out();
        assertTrue(out.contains("reasoning tools") && out.contains("default reasoning tools"), out);
        assertTrue(out.contains("fallback#1 alias:R1 reasoning tools"), out);
    }

    @Test void configEntriesKeepTheirFieldsAndWin() {
        t.write(t.config(), """
                { models: { providers: { huggingface: { models: [
                    { id: 'deepseek-ai/DeepSeek-R1', name: 'My R1', contextWindow: 32768 },
                    { id: 'my-org/private-model', name: 'Private', contextWindow: 8192, maxTokens: 1024 },
                ] } } } }
                """);
        String out = t.models().out();
        assertTrue(out.contains("\nhuggingface/deepseek-ai/DeepSeek-R1      My R1                33k    0.70     2.50  "
                + "novita,together,featherless-ai "), out);
        assertTrue(out.contains("\nhuggingface/my-org/private-model         Private               8k       -        -  "
                + "-\n"), out);
    }

    @Test void filters() {
        assertEquals("huggingface/deepseek-ai/DeepSeek-V4-Pro\n", t.models("--plain", "--provider",
                "fireworks-ai").out());
        assertEquals("huggingface/zai-org/GLM-4.5V\n", t.models("--plain", "--vision").out());
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1\nhuggingface/Qwen/Qwen3-8B\n", t.models("--plain",
                "--reasoning").out());
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1\nhuggingface/Qwen/Qwen3-8B\nhuggingface/deepseek-ai/DeepSeek-V4-Pro\n", t.models("--plain", "--tools").out());
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1\nhuggingface/deepseek-ai/DeepSeek-V4-Pro\n",
                t.models("--plain", "--search", "DEEPSEEK").out());
    }

    @Test void unauthorisedFallsBackToTheBuiltInCatalog() {
        router.answer("/v1/models", 401, "{\"error\":\"Invalid username or password.\"}");
        t.with("HF_TOKEN", "hf_abcdefghijklmnopqrstuvwxyz");
        Run r = t.models("--plain");
        assertEquals(0, r.status());
        assertEquals(11, r.out().lines().count());
        assertEquals("models: could not fetch the model list (401: token rejected); using the built-in catalog\n",
                r.err());
    }

    @Test void unauthorisedWithoutATokenSaysNoneWasSent() {
        router.answer("/v1/models", 401, "{\"error\":\"Invalid username or password.\"}");
        assertEquals("models: could not fetch the model list (401: no token was sent; set HF_TOKEN or run onboard); "
                + "using the built-in catalog\n",
                t.models("--plain").err());
    }

    @Test void theHelpsExclusiveOptionsAreAUsageError() {
        assertEquals(new Run(2, "",
                "models: --json and --plain cannot be used together\nTry 'models --help' for more information.\n"),
                        t.models("--json", "--plain"));
        assertEquals(new Run(2, "",
                "models: --offline and --refresh cannot be used together\nTry 'models --help' for more information.\n"),
                t.models("list", "--offline", "--refresh"));
        assertEquals(2, t.models("show", "deepseek-ai/DeepSeek-R1", "--refresh", "--offline").status());
        assertEquals(List.of(), router.requests);
    }

    @Test void providerMeansTheProvidersThatServeTheModelNow() {
        assertEquals("", t.models("--plain", "--provider", "zai-org").out(), "zai-org's offer for GLM-4.5V is staging");
        assertEquals("", t.models("--plain", "--provider", "novita", "--vision").out(),
                "novita's offer for GLM-4.5V is error");
        assertEquals("huggingface/some-org/tiny-chat_v2\n", t.models("--plain", "--provider", "hf-inference").out());
    }

    @Test void aBadSuffixIsTheSameMistakeInShowAsInSet() {
        String message = "models: ':auto' is not a valid suffix: use :fastest, :cheapest, :preferred or :<provider> "
                + "(e.g. :together)\n"
                + "Try 'models --help' for more information.\n";
        assertEquals(new Run(2, "", message), t.models("show", "deepseek-ai/DeepSeek-R1:auto"));
        assertEquals(new Run(2, "", message), t.models("set", "deepseek-ai/DeepSeek-R1:auto"));
    }

    @Test void serverErrorQuotesTheRouter() {
        router.answer("/v1/models", 503, "{\"error\":{\"message\":\"Service Unavailable\",\"type\":\"server_error\"}}");
        assertEquals("models: could not fetch the model list (503: Service Unavailable); using the built-in catalog\n",
                t.models("--plain").err());
    }

    @Test void badJsonAndEmptyListFallBack() {
        router.answer("/v1/models", 200, "{\"object\":\"list\",\"data\":[");
        assertEquals("models: could not fetch the model list (the answer is not JSON (invalid end of input at 1:26)); "
                + "using the built-in catalog\n", t.models("--plain").err());
        router.answer("/v1/models", 200, "{\"object\":\"list\",\"data\":[]}");
        assertEquals("models: could not fetch the model list (the router listed no models); using the built-in "
                + "catalog\n", t.models("--plain").err());
        router.answer("/v1/models", 200, "[1]");
        assertEquals("models: could not fetch the model list (unexpected answer (no \"data\" list in the answer)); "
                + "using the built-in catalog\n", t.models("--plain").err());
    }

    @Test void timeout() {
        router.hang("/v1/models");
        Run r = t.models("--plain", "--timeout", "1");
        assertEquals(0, r.status());
        assertEquals("models: could not fetch the model list (timed out after 1 s); using the built-in catalog\n",
                r.err());
    }

    @Test void silentAfterTheHeaders() {
        router.answer("/v1/models", FakeRouter.Answer.json(200, "{\"data\":[]}").stallAfter(0));
        Run r = t.models("--plain", "--timeout", "1");
        assertEquals("models: could not fetch the model list (timed out after 1 s); using the built-in catalog\n",
                r.err());
    }

    @Test void nothingListening() {
        int port = router.baseUrl().hashCode();
        router.close();
        Run r = t.models("--plain");
        assertTrue(r.err().startsWith("models: could not fetch the model list (cannot connect to 127.0.0.1:"), r.err());
        assertEquals(11, r.out().lines().count(), "port " + port);
    }

    @Test void freshCacheIsUsedForAnHourAndRefreshRefetches() {
        t.models("--plain");
        assertEquals(1, router.requests.size());
        Run cached = t.models();
        assertEquals(1, router.requests.size());
        assertTrue(cached.err().startsWith("5 models · cached list from "), cached.err());
        t.models("--refresh", "--plain");
        assertEquals(2, router.requests.size());
        assertEquals(5, t.models("--offline", "--plain").out().lines().count());
        assertEquals(2, router.requests.size());
    }

    @Test void staleCacheBeatsTheBuiltInListWhenTheRouterFails() {
        t.write(t.state().resolve("cache/huggingface-models.json"), Json.write(JsonValue.object(
                "fetchedAt", JsonValue.of(Instant.now().minusSeconds(3 * 3600).toString()),
                "baseUrl", JsonValue.of(router.baseUrl()), "answer", Json.parse(MODELS))));
        router.answer("/v1/models", 500, "oops");
        Run r = t.models("--plain");
        assertEquals(5, r.out().lines().count());
        assertEquals("models: could not refresh the model list (500: HTTP error); using the list cached 3 h ago\n",
                r.err());
    }

    @Test void cacheOfAnotherRouterIsIgnored() {
        t.models("--plain");
        t.with("HF_ROUTER_URL", "http://127.0.0.1:9/v1");
        assertEquals(11, t.models("--offline", "--plain").out().lines().count());
    }

    @Test void aLongProviderListIsCutToItsFirstNamesAndACount() {
        assertEquals("groq,deepinfra,+3", Fit.cutList("groq,deepinfra,together,novita,nebius"));
        assertEquals("novita,together", Fit.cutList("novita,together"));
        assertEquals("a-very-long-provide,+2", Fit.cutList("a-very-long-provider-name,b,c"));
    }

    @Test void aProviderNoListedModelHasIsATypoSaidSo() {
        t.models("--plain");   // cache the list
        assertEquals(new Run(2, "",
                "models: invalid value for --provider: 'togther' serves no listed model (did you mean together?)\n"
                + "Try 'models --help' for more information.\n"), t.models("--offline", "--provider", "togther"));
        assertEquals(0, t.models("--offline", "--provider", "together", "--search", "nothing-like-it").status(),
                "a real provider with no match is an empty list");
    }

    @Test void hfHubOfflineIsOffline() {
        t.with("HF_HUB_OFFLINE", "1");
        Run r = t.models("--plain");
        assertEquals(0, r.status());
        assertEquals(List.of(), router.requests, "no request");
    }

    @Test void everyHelpNamesTheVariablesItReads() {
        for (String name : List.of("HF_TOKEN", "HF_ROUTER_URL", "HF_HUB_OFFLINE", "HTTPS_PROXY",
                "OPENCLAW_STATE_DIR")) {
            assertTrue(ModelsCommand.USAGE.contains("\n  " + name + " "), name);
        }
        for (String name : List.of("HF_TOKEN", "HF_ENDPOINT", "HF_HUB_OFFLINE", "HTTPS_PROXY")) {
            assertTrue(OnboardCommand.USAGE.contains("\n  " + name + " "), name);
        }
        for (String name : List.of("HF_TOKEN", "HF_ROUTER_URL", "HF_BILL_TO", "HF_CHAT_LOG", "HTTPS_PROXY")) {
            assertTrue(ChatCommand.USAGE.contains("\n  " + name + " "), name);
        }
        assertTrue(ChatCommand.USAGE.contains("\n  /model REF "), "chat --help lists the conversation's commands");
    }

    @Test void helpIsWrappedAtTheTerminalsWidthBetweenWords() {
        String help = "Usage: x\n  --model MODEL   a ref, an id or an alias, with a suffix\nplain words that go on and "
                + "on and on and on\n";
        assertEquals("Usage: x\n  --model MODEL   a ref, an id or\n                  an alias, with a\n                "
                + "  suffix\n"
                + "plain words that go on and on and\non and on\n", Help.wrapped(help, 34));
        assertEquals(help, Help.wrapped(help, 0), "no limit in a pipe");
    }

    @Test void helpAsACommandIsTheHelp() {
        assertEquals(new Run(0, ModelsCommand.USAGE, ""), t.models("help"));
    }

    @Test void sortByPriceContextThroughputOrName() {
        assertEquals(List.of("huggingface/Qwen/Qwen3-8B", "huggingface/deepseek-ai/DeepSeek-R1",
                "huggingface/deepseek-ai/DeepSeek-V4-Pro"),
                t.models("--plain", "--sort", "price").out().lines().limit(3).toList());
        assertEquals("huggingface/deepseek-ai/DeepSeek-V4-Pro", t.models("--plain", "--sort",
                "context").out().lines().findFirst().orElseThrow());
        assertEquals(new Run(2, "",
                "models: invalid value for --sort: 'cost' (valid: price, context, throughput, name)\n"
                + "Try 'models --help' for more information.\n"), t.models("--sort", "cost"));
    }

    @Test void tableFitsTheTerminal() {
        Catalog catalog = Catalog.builtIn();
        String table = ModelTable.table(ModelMerge.merge(RouterModel.listFrom(Json.parse(MODELS)), catalog,
                JsonValue.object(), false),
                new ModelTable.Marks(null, List.of(), java.util.Map.of()), new Term(false, 100, false)).text();
        for (String line : table.split("\n")) assertTrue(line.length() <= 100, line.length() + ": " + line);
        // Price and context stay; the providers are cut to a few, NAME goes before them.
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1       164k    0.70     2.50  novita,together,+1",
                table.split("\n")[1]);
    }

    /**
     * At 80 and 120 columns and in a pipe: every line fits, price and context stay, the config's tags all stay, and
     * the line under the table says what gave way.
     */
    @Test void theTableAt80And120ColumnsAndInAPipe() {
        t.write(t.config(), """
                { agents: { defaults: {
                    model: { primary: 'huggingface/deepseek-ai/DeepSeek-R1', fallbacks: ['huggingface/Qwen/Qwen3-8B:cheapest', 'huggingface/some-org/tiny-chat_v2'] },
                    models: { 'huggingface/deepseek-ai/DeepSeek-R1': { alias: 'Hugging Face' }, 'huggingface/Qwen/Qwen3-8B': { alias: 'qwen8' } } } },
                  models: { providers: { huggingface: { models: [{ id: 'a-rather-long-organisation-name/an-even-longer-model-name-v2' }] } } } }
                """);
        t.models("--plain");   // cache the list
        Run at80 = t.modelsAt(80, "--offline");
        assertEquals("""
                MODEL                                   CTX  IN $/M  OUT $/M  TAGS
                deepseek-ai/DeepSeek-R1                164k    0.70     2.50  default
                                                                              alias:Hugging Face
                Qwen/Qwen3-8B                           41k    0.06     0.25  alias:qwen8
                Qwen/Qwen3-8B:cheapest                  41k    0.06     0.25  fallback#1
                deepseek-ai/DeepSeek-V4-Pro           1049k    1.69     3.38
                zai-org/GLM-4.5V                       131k       -        -
                some-org/tiny-chat_v2                  131k       -        -  fallback#2
                a-rather-long-organisation-name/an-\u2026   131k       -        -
                """, at80.out());
        // The line under the table is wrapped at the terminal's width between words, as help is.
        assertEquals("At 80 columns: NAME and PROVIDERS left out, long refs cut, only the config's\n"
                + "tags, refs without huggingface/ (a wider terminal, --plain or --json shows all)\n",
                at80.err().substring(at80.err().indexOf('\n') + 1));
        Run at120 = t.modelsAt(120, "--offline");
        assertEquals("""
                MODEL                                           CTX  IN $/M  OUT $/M  PROVIDERS           TAGS
                huggingface/deepseek-ai/DeepSeek-R1            164k    0.70     2.50  novita,together,+1  default alias:Hugging Face
                huggingface/Qwen/Qwen3-8B                       41k    0.06     0.25  nscale              alias:qwen8
                huggingface/Qwen/Qwen3-8B:cheapest              41k    0.06     0.25  nscale              fallback#1
                huggingface/deepseek-ai/DeepSeek-V4-Pro       1049k    1.69     3.38  novita,together,+3
                huggingface/zai-org/GLM-4.5V                   131k       -        -  -
                huggingface/some-org/tiny-chat_v2              131k       -        -  hf-inference        fallback#2
                huggingface/a-rather-long-organisation-name\u2026   131k       -        -  -
                """, at120.out());
        assertEquals("At 120 columns: NAME left out, providers cut to the first few, long refs cut, only the config's "
                + "tags (a wider terminal,\n"
                + "--plain or --json shows all)\n", at120.err().substring(at120.err().indexOf('\n') + 1));
        String piped = t.models("--offline").out();
        String first = piped.lines().skip(1).findFirst().orElseThrow();
        assertTrue(first.contains("  novita,together,featherless-ai  ")
                && first.endsWith("  default alias:Hugging Face reasoning tools"), piped);
    }
}

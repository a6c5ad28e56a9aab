import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model facts OpenClaw 2026.9.6 arrives at from the same router list (its extensions/huggingface
 * projectHuggingfaceModels), beside ours: on the recorded 220-model list, the counts the issue measured.
 */
class OpenClawFactsTest {
    static RouterModel.Offer offer(String provider, String status, Long context, Boolean tools) {
        return new RouterModel.Offer(provider, status, context, null, new BigDecimal("1"), tools, null, null, null);
    }

    static Model model(String id, RouterModel.Offer... offers) {
        return ModelMerge.merge(List.of(new RouterModel(id, null, List.of("text"), List.of(offers))), Catalog.builtIn(),
                JsonValue.object(), false).get(0);
    }

    @Test void theSmallestWindowOfTheProvidersNotInErrorStagingIncluded() {
        Model m = model("org/m", offer("a", "live", 65536L, true), offer("b", "staging", 32768L, true), offer("c",
                "error", 8192L, true), offer("d", "live", 163840L, true));
        OpenClawFacts f = OpenClawFacts.of(m);
        assertEquals(163840, m.contextWindow());
        assertEquals(32768, f.contextWindow());
        assertEquals(List.of("budgets 33k tokens of context (b's, the smallest of the providers not in error); pinning "
                + ":d gives 164k",
                "counts its cost as $0 (OpenClaw has prices only for the models of its own catalog)"),
                        f.differences(m));
    }

    @Test void withoutToolsWhenAnyProviderNotInErrorHasNone() {
        Model m = model("org/m", offer("a", "live", null, true), offer("b", "staging", null, false), offer("c", "error",
                null, false));
        assertEquals(List.of("treats it as without tools (b has none), so its agent gives it no tools",
                "counts its cost as $0 (OpenClaw has prices only for the models of its own catalog)"),
                        OpenClawFacts.of(m).differences(m));
        Model errorOnly = model("org/m", offer("a", "live", null, true), offer("c", "error", null, false));
        assertEquals(true, OpenClawFacts.of(errorOnly).supportsTools());
        assertEquals(131072, OpenClawFacts.of(errorOnly).contextWindow());
    }

    @Test void itsOwnCatalogIsPricedEverythingElseIsFree() {
        Model r1 = model("deepseek-ai/DeepSeek-R1", offer("a", "live", 65536L, true));
        assertEquals(new BigDecimal("7"), OpenClawFacts.of(r1).costOutput());
        assertEquals(List.of(), OpenClawFacts.of(r1).differences(r1));
    }

    @Test void onTheRecorded220ModelListTheDifferencesTheIssueCounted() throws Exception {
        List<RouterModel> live = RouterModel.listFrom(Json.parse(java.nio.file.Files.readString(Repo.root().resolve("../shared/fixtures/hf-router/models-large.json"))));
        List<Model> models = ModelMerge.merge(live, Catalog.builtIn(), JsonValue.object(), false);
        int context = 0, tools = 0, free = 0;
        for (Model m : models) {
            OpenClawFacts f = OpenClawFacts.of(m);
            if (f.contextWindow() != m.contextWindow()) context++;
            if (f.supportsTools() != m.tools()) tools++;
            if (f.costUnknownToIt(m)) free++;
        }
        // the other 31 have no price here either: "unknown" to us, $0 to OpenClaw
        assertEquals(List.of(220, 120, 104, 189), List.of(models.size(), context, tools, free));
    }
}

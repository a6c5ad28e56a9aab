import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One rule for "same model" (ids ignore case, the router's spelling is written) and a row of its own for a suffixed
 * ref.
 */
class ModelIdentityTest extends RouterTest {
    @BeforeEach void setUp() throws Exception {
        router.answer("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
        t.models("--plain");   // cache the list, as a user's first models list does
    }

    @Test void anIdTypedInAnotherCaseIsWrittenAsTheRouterSpellsIt() {
        assertEquals(new Run(0, "Default model: huggingface/Qwen/Qwen3-8B\n", ""), t.models("set", "qwen/qwen3-8b"));
        assertEquals(new Run(0, "Added fallback #1: huggingface/deepseek-ai/DeepSeek-R1:together\n", ""),
                t.models("fallbacks", "add", "DEEPSEEK-AI/deepseek-r1:together"));
    }

    @Test void aDefaultWrittenInAnotherCaseTagsTheRealRowAndMakesNoPhantom() {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: 'huggingface/qwen/qwen3-8b' } } } }");
        String table = t.models("--offline").out();
        assertEquals(List.of("huggingface/Qwen/Qwen3-8B"),
                table.lines().filter(l -> l.contains(" default")).map(l -> l.split(" ")[0]).toList());
        assertEquals(false, table.toLowerCase(java.util.Locale.ROOT).contains("unlisted"), table);
    }

    @Test void aSuffixedRefHasARowOfItsOwnWithItsTagsInTheTableAndInJson() {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: 'huggingface/Qwen/Qwen3-8B:cheapest',"
                + " fallbacks: ['huggingface/deepseek-ai/DeepSeek-R1:together', 'huggingface/deepseek-ai/DeepSeek-R1'] "
                        + "} } } }");
        String table = t.models("--offline").out();
        List<String> tagged = table.lines().filter(l -> l.contains("default")
                || l.contains("fallback#")).map(l -> l.split(" ")[0] + " "
                        + l.replaceAll(".* (default|fallback#\\d)( .*|$)", "$1")).toList();
        assertEquals(List.of("huggingface/deepseek-ai/DeepSeek-R1 fallback#2",
                "huggingface/deepseek-ai/DeepSeek-R1:together fallback#1",
                "huggingface/Qwen/Qwen3-8B:cheapest default"), tagged);
        JsonValue json = Json.parse(t.models("--offline", "--json").out());
        List<String> defaults = json.at("models").asArray().objects().stream().filter(m -> m.strings("tags").contains("default")).map(m -> m.string("ref")).toList();
        assertEquals(List.of("huggingface/Qwen/Qwen3-8B:cheapest"), defaults);
    }

    @Test void anAliasWithSpacesTypedUnquotedIsSaidSo() {
        assertEquals(new Run(2, "",
                "models: one MODEL, not 'Hugging Face': quote an alias with spaces (models set \"Hugging Face\")\n"
                + "Try 'models --help' for more information.\n"), t.models("set", "Hugging", "Face"));
    }
}

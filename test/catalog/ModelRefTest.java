import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRefTest {
    static String error(String text) {
        return assertThrows(ModelRefException.class, () -> ModelRef.parse(text)).getMessage();
    }

    @Test void refAndBareIdAreTheSame() {
        assertEquals(ModelRef.parse("huggingface/deepseek-ai/DeepSeek-R1"), ModelRef.parse("deepseek-ai/DeepSeek-R1"));
    }

    @Test void routerIdNeverCarriesThePrefix() {
        ModelRef r = ModelRef.parse("huggingface/Qwen/Qwen3-8B:cheapest");
        assertEquals("Qwen/Qwen3-8B:cheapest", r.routerId());
        assertEquals("huggingface/Qwen/Qwen3-8B:cheapest", r.ref());
    }

    @Test void cheapestAndFastestLockTheProvider() {
        assertTrue(ModelRef.parse("a/b:cheapest").providerLocked());
        assertTrue(ModelRef.parse("a/b:fastest").providerLocked());
        assertFalse(ModelRef.parse("a/b:preferred").providerLocked());
        assertFalse(ModelRef.parse("a/b:together").providerLocked());
        assertFalse(ModelRef.parse("a/b").providerLocked());
    }

    @Test void pinnedProvider() {
        assertEquals("together", ModelRef.parse("a/b:together").provider());
        assertNull(ModelRef.parse("a/b:preferred").provider());
    }

    @Test void autoIsNotASuffix() {
        assertEquals("':auto' is not a valid suffix: use :fastest, :cheapest, :preferred or :<provider> (e.g. "
                + ":together)", error("deepseek-ai/DeepSeek-R1:auto"));
    }

    @Test void emptySuffix() {
        assertEquals("':' is not a valid suffix: use :fastest, :cheapest, :preferred or :<provider> (e.g. :together)",
                error("a/b:"));
    }

    @Test void notAModel() {
        assertEquals("'DeepSeek-R1' is not a model: use huggingface/<org>/<model>[:suffix], <org>/<model>, or an alias",
                error("DeepSeek-R1"));
        assertEquals("'openai/gpt/x' is not a model: use huggingface/<org>/<model>[:suffix], <org>/<model>, or an "
                + "alias", error("openai/gpt/x"));
    }

    @Test void aliasesResolveExactlyThenIgnoringCase() {
        Map<String, String> aliases = Map.of("R1", "huggingface/deepseek-ai/DeepSeek-R1:cheapest");
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1:cheapest", ModelRef.resolve("R1", aliases).ref());
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1:cheapest", ModelRef.resolve("r1", aliases).ref());
    }
}

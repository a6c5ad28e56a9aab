import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Names derived from ids, for models neither the router nor a catalog names. */
class ModelNameTest {
    @Test void wordsSplitOnDashesAndUnderscores() { assertEquals("DeepSeek R1",
            Model.nameFromId("deepseek-ai/DeepSeek-R1")); }
    @Test void shortLowercaseWordsAreAcronyms() { assertEquals("GPT OSS 120B",
            Model.nameFromId("openai/gpt-oss-120b")); }
    @Test void parameterCountsAreUppercased() { assertEquals("Llama 3.1 8B Instruct",
            Model.nameFromId("meta-llama/llama-3.1-8b-instruct")); }
    @Test void fractionalParameterCounts() { assertEquals("Qwen 1.5B Chat", Model.nameFromId("x/qwen-1.5b_chat")); }
    @Test void mixedCaseWordsStayAsTheyAre() { assertEquals("Qwen2.5 7B Instruct",
            Model.nameFromId("Qwen/Qwen2.5-7B-Instruct")); }
    @Test void runsOfSeparatorsCollapse() { assertEquals("A Model", Model.nameFromId("org/a--_model")); }
    @Test void notASizeWhenTheDotHasNoDigits() { assertEquals("1.b", Model.nameFromId("org/1.b")); }
    @Test void longerLowercaseWordsAreCapitalised() { assertEquals("Mistral Small",
            Model.nameFromId("org/mistral-small")); }
}

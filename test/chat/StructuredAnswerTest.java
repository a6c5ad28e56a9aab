import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * --schema (response_format, a provider that serves structured output, the answer checked) and -x (the first code
 * block).
 */
class StructuredAnswerTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1";
    static final String SCHEMA = "{\"title\":\"city\",\"type\":\"object\",\"required\":[\"name\",\"population\"],"
            + "\"properties\":{\"name\":{\"type\":\"string\"},\"population\":{\"type\":\"integer\"}}}";

    @BeforeEach void setUp() throws Exception {
        t.with("HF_TOKEN", "hf_test_token_abcd");
    }

    /** A chat.completion whose answer is {@code content}. */
    static FakeRouter.Answer answering(String content) {
        return FakeRouter.Answer.json(200,
                "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
                + Json.write(JsonValue.of(content))
                        + "}}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}");
    }

    @Test void schemaIsSentToAProviderThatServesItAndTheAnswerPrintedCompact() {
        t.cacheModelList(Repo.read("test/fixtures/router-models.json"));
        router.chat(R1 + ":together", answering("{\n  \"name\": \"Paris\",\n  \"population\": 2100000\n}"));
        Run r = t.chat("", "--no-stream", "--schema", SCHEMA, "The capital of France?");
        assertEquals(0, r.status(), r.err());
        assertEquals("{\"name\":\"Paris\",\"population\":2100000}\n", r.out());
        assertEquals("chat: --schema: asking together, which serves structured output for deepseek-ai/DeepSeek-R1\n",
                r.err().lines().findFirst().orElseThrow() + "\n");
        JsonObject body = Json.parse(router.requests.get(0).body()).asObject();
        assertEquals("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"city\",\"schema\":" + SCHEMA
                + ",\"strict\":true}}", Json.write(body.get("response_format")));
    }

    @Test void aPinnedProviderIsKeptAndTheSchemaCanBeAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("city.json"), SCHEMA);
        router.chat(R1 + ":novita", answering("```json\n{\"name\":\"Paris\",\"population\":2100000}\n```"));
        Run r = t.chat("", "--no-stream", "--schema", file.toString(), "-m", R1 + ":novita", "The capital of France?");
        assertEquals(new Run(0, "{\"name\":\"Paris\",\"population\":2100000}\n", r.err()), r);
    }

    @Test void anAnswerThatDoesNotFitFailsSayingWhy() {
        router.chat(R1, answering("{\"name\":\"Paris\",\"population\":\"about two million\"}"));
        Run r = t.chat("", "--no-stream", "--schema", SCHEMA, "The capital of France?");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals("chat: the answer does not match the schema: \"population\" is a string, not integer",
                r.err().lines().reduce((a, b) -> b).orElseThrow());
        router.chat(R1, answering("{\"name\":\"Paris\"}"));
        assertEquals("chat: the answer does not match the schema: missing required key \"population\"",
                t.chat("", "--no-stream", "--schema", SCHEMA, "x").err().lines().reduce((a, b) -> b).orElseThrow());
        router.chat(R1, answering("Paris, of course."));
        assertEquals("chat: the answer is not JSON (invalid character 'P' at 1:1)",
                t.chat("", "--no-stream", "--schema", SCHEMA, "x").err().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test void aBadSchemaIsOneLine() throws Exception {
        Path list = Files.writeString(tmp.resolve("list.json"), "[1]");
        assertEquals(new Run(1, "", "chat: --schema " + list + ": a JSON schema is an object\n"), t.chat("", "--schema",
                list.toString(), "x"));
        Run missing = t.chat("", "--schema", tmp.resolve("none.json").toString(), "x");
        assertEquals(1, missing.status());
        org.junit.jupiter.api.Assertions.assertTrue(missing.err().startsWith("chat: --schema: cannot read "
                + tmp.resolve("none.json") + " ("), missing.err());
        Run broken = t.chat("", "--schema", "{\"type\":", "x");
        org.junit.jupiter.api.Assertions.assertTrue(broken.err().matches("chat: --schema: .* at 1:9\n"), broken.err());
        assertEquals(0, router.requests.size(), "nothing was sent");
    }

    @Test void extractPrintsTheFirstCodeBlock() {
        router.chat(R1, answering("Here you go:\n\n```python\nprint('hi')\nprint('there')\n```\n\nAnd "
                + "another:\n```\nx\n```"));
        assertEquals("print('hi')\nprint('there')\n", t.chat("", "--no-stream", "-x", "code please").out());
        router.chat(R1, answering("No code today."));
        Run r = t.chat("", "--no-stream", "-x", "code please");
        assertEquals(1, r.status());
        assertEquals("chat: -x: the answer has no fenced code block (the whole answer is in 'chat logs -n 1 --json')",
                r.err().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test void fencedBlocks() {
        assertEquals("a\nb", StructuredAnswer.firstFencedBlock("x\n```js\na\nb\n```\n"));
        assertEquals("", StructuredAnswer.firstFencedBlock("```\n```"));
        assertEquals("t", StructuredAnswer.firstFencedBlock("~~~\nt\n~~~"));
        assertNull(StructuredAnswer.firstFencedBlock("```\nnever closed"));
        assertNull(StructuredAnswer.firstFencedBlock("no fence"));
    }
}

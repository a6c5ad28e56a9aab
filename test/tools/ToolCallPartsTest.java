import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Streamed tool-call fragments put together, as each HF provider's quirk sends them: fragments in, calls out. */
class ToolCallPartsTest {
    /** The calls {@code fragments} (one JSON object each) make, as {@code id name arguments} lines. */
    static String calls(String... fragments) {
        ToolCallParts parts = new ToolCallParts();
        for (String f : fragments) parts.add(Json.parse(f).asObject());
        StringBuilder sb = new StringBuilder();
        for (ToolCall c : parts.calls()) sb.append(c.id()).append(' ').append(c.name()).append(' ')
                .append(c.arguments()).append('\n');
        return sb.toString();
    }

    record Case(String quirk, List<String> fragments, String calls) { }

    static final List<Case> CASES = List.of(
            new Case("arguments in fragments, index and id on the first only", List.of(
                    "{\"index\":0,\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}",
                    "{\"index\":0,\"function\":{\"arguments\":\"{\\\"x\\\"\"}}",
                    "{\"index\":0,\"function\":{\"arguments\":\":1}\"}}"), "a f {\"x\":1}\n"),
            new Case("no index at all: a fragment without id goes on the last call", List.of(
                    "{\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\"\"}}",
                    "{\"function\":{\"arguments\":\":1}\"}}"), "a f {\"x\":1}\n"),
            new Case("no index, two ids: two calls", List.of(
                    "{\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}",
                    "{\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}"), "a f {}\nb g {}\n"),
            new Case("two calls interleaved by index", List.of(
                    "{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\"}}",
                    "{\"index\":1,\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}",
                    "{\"index\":0,\"function\":{\"arguments\":\"}\"}}"), "a f {}\nb g {}\n"),
            new Case("\"\" as id on every fragment, no id ever: named by place", List.of(
                    "{\"index\":0,\"id\":\"\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}",
                    "{\"index\":1,\"id\":\"\",\"function\":{\"name\":\"g\",\"arguments\":\"\"}}"),
                    "call_1 f {}\ncall_2 g \n"),
            new Case("the name and id again on every fragment", List.of(
                    "{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\"}}",
                    "{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"}\"}}"), "a f {}\n"),
            new Case("arguments as an object, not text", List.of(
                    "{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":{\"x\":1}}}"),
                    "a f {\"x\":1}\n"),
            new Case("a fragment with no function: nothing", List.of("{\"index\":0}"), ""));

    @Test void eachQuirk() {
        for (Case c : CASES) assertEquals(c.calls(), calls(c.fragments().toArray(new String[0])), c.quirk());
    }

    @Test void aWholeAnswersCallsAreEachTheirOwnEvenWithoutIds() {
        ToolCallParts parts = new ToolCallParts();
        parts.add(Json.parse("{\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}").asObject(), 0);
        parts.add(Json.parse("{\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}").asObject(), 1);
        assertEquals(List.of(new ToolCall("call_1", "f", "{}"), new ToolCall("call_2", "g", "{}")), parts.calls());
    }

    @Test void argumentsThatAreNotAnObjectFailNamingWhy() {
        assertEquals("{}", Json.write(new ToolCall("a", "f", " ").argumentsObject()));
        assertEquals("the arguments are not a JSON object", org.junit.jupiter.api.Assertions.assertThrows(
                JsonException.class, () -> new ToolCall("a", "f", "[1]").argumentsObject()).getMessage());
    }

    @Test void mcpCommandLinesSplitAsASimpleShellLine() {
        assertEquals(List.of("npx", "-y", "a b", "c\"d", "e f"), CommandWords.split("npx  -y 'a b' \"c\\\"d\" e\\ f"));
        assertEquals("--mcp-server: a quote is not closed: node 'x", org.junit.jupiter.api.Assertions.assertThrows(
                Cli.UsageException.class, () -> CommandWords.split("node 'x")).getMessage());
    }
}

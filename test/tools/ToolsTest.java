import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat --tool: the definitions sent, the calls run and answered, approval, the limits, against the fake router. */
class ToolsTest extends RouterTest {
    static final String QWEN = "Qwen/Qwen3-8B";
    Path weather;

    @BeforeEach void setUp() throws Exception {
        t.with("HF_TOKEN", "hf_test_token_tools1");
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/" + QWEN + "\" } } } }");
        weather = tool("weather", "{\"name\":\"get_weather\",\"description\":\"The weather in a city\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}",
                "printf '18C and sunny (asked: %s)' \"$(cat)\"");
    }

    /** An executable at tmp/NAME printing {@code definition} for --describe, else running {@code body} (sh). */
    Path tool(String name, String definition, String body) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\nif [ \"$1\" = --describe ]; then printf '%s' '" + definition
                + "'; exit 0; fi\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /** A stream of chunks ({@code choices[0]} of each given), then [DONE]. */
    static FakeRouter.Answer stream(String... choices) {
        StringBuilder sb = new StringBuilder();
        for (String c : choices) sb.append("data: {\"model\":\"" + QWEN + "\",\"choices\":[").append(c).append("]}\n\n");
        sb.append("data: [DONE]\n\n");
        return FakeRouter.Answer.sse(sb.toString()).header("x-inference-provider", "nscale");
    }

    static String delta(String delta) { return "{\"index\":0,\"delta\":" + delta + "}"; }

    static String finish(String reason) { return "{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}"; }

    /** The call get_weather({"city":"Paris"}) streamed in three fragments, as most providers send it. */
    static FakeRouter.Answer callsWeather() {
        return stream(delta("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_w1\",\"type\":"
                + "\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}"),
                delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}"),
                delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}"),
                finish("tool_calls"));
    }

    static FakeRouter.Answer says(String text) {
        return stream(delta("{\"content\":\"" + text + "\"}"), finish("stop"));
    }

    static final String RESULT = "18C and sunny (asked: {\"city\":\"Paris\"})";

    JsonObject sent(int i) { return Json.parse(chats().get(i).body()).asObject(); }

    List<FakeRouter.Request> chats() {
        return router.requests.stream().filter(q -> q.path().endsWith("/chat/completions")).toList();
    }

    @Test void aToolCallIsRunAndItsResultAnswered() {
        router.prompt("Weather in Paris?", callsWeather()).prompt(RESULT, says("It is 18C in Paris."));
        Run r = t.chat("", "--tool", weather.toString(), "--yes", "Weather in Paris?");
        assertEquals(new Run(0, "It is 18C in Paris.\n", """
                chat: tool call get_weather {"city":"Paris"}
                chat: get_weather gave 39 chars
                chat: Qwen/Qwen3-8B:nscale via nscale
                """), r);
        assertEquals("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"The weather "
                + "in a city\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]",
                Json.write(sent(0).get("tools")));
        assertEquals("[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"call_w1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"call_w1\","
                + "\"content\":\"18C and sunny (asked: {\\\"city\\\":\\\"Paris\\\"})\"}]",
                Json.write(sent(1).get("messages")));
        assertEquals(QWEN + ":nscale", sent(1).string("model"));
    }
}

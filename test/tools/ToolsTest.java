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

    @Test void withoutATerminalACallIsRefusedUnlessYes() {
        router.prompt("Weather in Paris?", callsWeather()).prompt("error: not run: the user did not allow this call",
                says("I may not look it up."));
        Run r = t.chat("", "--tool", weather.toString(), "Weather in Paris?");
        assertEquals(new Run(0, "I may not look it up.\n", """
                chat: tool call get_weather {"city":"Paris"}
                chat: tool calls are not run without a terminal to ask on; --yes runs them without asking
                chat: get_weather not run: not allowed
                chat: Qwen/Qwen3-8B:nscale via nscale
                """), r);
    }

    @Test void onATerminalEachCallIsAskedAndNoMeansNo() {
        router.prompt("Weather in Paris?", callsWeather()).prompt("error: not run: the user did not allow this call",
                says("Not allowed, then."));
        Run r = t.chatTyping("n\n", "--tool", weather.toString(), "Weather in Paris?");
        assertEquals(new Run(0, "Not allowed, then.\n", "chat: tool call get_weather {\"city\":\"Paris\"}\n"
                + "chat: run get_weather {\"city\":\"Paris\"} (--tool " + weather + ")? [y/N/a] "
                + "chat: get_weather not run: not allowed\n"
                + "chat: Qwen/Qwen3-8B:nscale via nscale\n"), r);
    }

    @Test void alwaysAllowsThatToolForTheRestOfTheRun() {
        FakeRouter.Answer twice = stream(delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":"
                + "\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}},{\"index\":1,\"id\":\"c2\",\"function\":"
                + "{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Rome\\\"}\"}}]}"), finish("tool_calls"));
        router.prompt("Paris and Rome?", twice).prompt("18C and sunny (asked: {\"city\":\"Rome\"})",
                says("Both 18C."));
        Run r = t.chatTyping("a\n", "--tool", weather.toString(), "Paris and Rome?");
        assertEquals(new Run(0, "Both 18C.\n", "chat: tool call get_weather {\"city\":\"Paris\"}\n"
                + "chat: run get_weather {\"city\":\"Paris\"} (--tool " + weather + ")? [y/N/a] "
                + "chat: get_weather gave 39 chars\n"
                + "chat: tool call get_weather {\"city\":\"Rome\"}\n"
                + "chat: get_weather gave 38 chars\n"
                + "chat: Qwen/Qwen3-8B:nscale via nscale\n"), r);
        assertEquals(4, Json.parse(chats().get(1).body()).asObject().array("messages").size());
    }

    @Test void aCallPastTheLimitIsNotRunAndTheModelIsAskedToAnswer() {
        router.prompt("Weather in Paris?", callsWeather()).prompt(RESULT, callsWeather()).prompt("error: not run: "
                + "the limit of 1 tool calls for one question was reached; answer with what you have",
                says("18C, I think."));
        Run r = t.chat("", "--tool", weather.toString(), "--yes", "--max-tool-calls", "1", "Weather in Paris?");
        assertEquals(new Run(0, "18C, I think.\n", """
                chat: tool call get_weather {"city":"Paris"}
                chat: get_weather gave 39 chars
                chat: tool call get_weather {"city":"Paris"}
                chat: get_weather not run: 1 tool calls is the limit for one question (--max-tool-calls)
                chat: Qwen/Qwen3-8B:nscale via nscale
                """), r);
        assertEquals(null, sent(1).get("tool_choice"));
        assertEquals("\"none\"", Json.write(sent(2).get("tool_choice")));
        assertEquals(1, sent(2).array("tools").size());
    }

    @Test void argumentsCutAtTheTokenLimitAreNeverRun() {
        router.prompt("Weather in Paris?", stream(delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":"
                + "{\"name\":\"get_weather\",\"arguments\":\"{\\\"ci\"}}]}"), finish("length")));
        assertEquals(new Run(1, "", "chat: the model's call to get_weather was cut off at the token limit "
                + "(finish_reason: length); nothing was run (raise --max-tokens)\n"),
                t.chat("", "--tool", weather.toString(), "--yes", "Weather in Paris?"));
        assertEquals(1, chats().size());
    }

    @Test void aProviderThatRefusesEchoedReasoningIsAskedAgainWithout() {
        FakeRouter.Answer thinksThenCalls = stream(delta("{\"reasoning_content\":\"Need the weather.\"}"),
                delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"get_weather\","
                        + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}"), finish("tool_calls"));
        router.prompt("Weather in Paris?", thinksThenCalls).prompt(RESULT, FakeRouter.Answer.json(400, "{\"error\":"
                + "{\"message\":\"Extra inputs are not permitted: messages.1.reasoning_content\"}}"),
                says("18C."));
        Run r = t.chat("", "--tool", weather.toString(), "--yes", "Weather in Paris?");
        assertEquals(0, r.status(), r.err());
        assertEquals("18C.\n", r.out());
        assertEquals("Need the weather.", sent(1).array("messages").objects().get(1).string("reasoning_content"));
        assertEquals(false, sent(2).array("messages").objects().get(1).has("reasoning_content"));
        assertEquals(true, r.err().contains("chat: Qwen/Qwen3-8B:nscale: 400: this provider refuses the reasoning "
                + "sent back with the tool calls; asking again without it\n"), r.err());
    }

    @Test void theLogKeepsTheCallsRedactedAndContinuingSendsThemAgain() throws Exception {
        Path leaky = tool("leaky", "{\"name\":\"get_weather\"}", "printf 'sunny; key hf_test_token_tools1'");
        router.prompt("Weather in Paris?", callsWeather()).prompt("sunny; key hf_test_token_tools1", says("Sunny."))
                .prompt("And Rome?", says("Also sunny."));
        assertEquals(0, t.chat("", "--tool", leaky.toString(), "--yes", "Weather in Paris?").status());
        String log = t.read(t.home.resolve(".openclaw/huggingface/chat-log.jsonl"));
        assertEquals(false, log.contains("hf_test_token_tools1"), log);
        assertEquals(true, log.contains("\"role\":\"tool\",\"tool_call_id\":\"call_w1\",\"content\":\"sunny; key "
                + "[redacted]\"}"), log);
        assertEquals(0, t.chat("", "-c", "--tool", leaky.toString(), "--yes", "And Rome?").status());
        assertEquals("[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},{\"role\":\"assistant\",\"content\":"
                + "null,\"tool_calls\":[{\"id\":\"call_w1\",\"type\":\"function\",\"function\":{\"name\":"
                + "\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},{\"role\":\"tool\","
                + "\"tool_call_id\":\"call_w1\",\"content\":\"sunny; key [redacted]\"},{\"role\":\"assistant\","
                + "\"content\":\"Sunny.\"},{\"role\":\"user\",\"content\":\"And Rome?\"}]",
                Json.write(sent(2).get("messages")));
    }

    @Test void theConversationAsksToRunACallAndShowsIt() {
        router.prompt("Weather in Paris?", callsWeather()).prompt(RESULT, says("18C."));
        Run r = t.chatTyping("Weather in Paris?\ny\n/exit\n", "--tool", weather.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("18C.\n", r.out());
        assertEquals(true, r.err().contains("chat: tool call get_weather {\"city\":\"Paris\"}\nchat: run get_weather "
                + "{\"city\":\"Paris\"} (--tool " + weather + ")? [y/N/a] chat: get_weather gave 39 chars\n"), r.err());
    }

    @Test void aQuestionWithToolsIsPlannedOnlyToProvidersListingToolCalls() {
        router.answer("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
        t.models("--plain");
        Run r = t.chat("", "-m", "deepseek-ai/DeepSeek-R1", "--tool", weather.toString(), "--plan", "Weather?");
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                Needs: tools, about 43 prompt tokens
                  1. deepseek-ai/DeepSeek-R1:together  fastest capable (86 tokens/s)
                  left out: deepseek-ai/DeepSeek-R1:novita: no tool calls listed
                  left out: deepseek-ai/DeepSeek-R1:featherless-ai: no tool calls listed
                """, r.out());
    }

    @Test void aWholeAnswersToolCallsAreRunToo() {
        router.prompt("Weather in Paris?", FakeRouter.Answer.json(200, "{\"model\":\"" + QWEN + "\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"w9\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":"
                + "\\\"Paris\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":20,"
                + "\"completion_tokens\":5}}")).prompt(RESULT, FakeRouter.Answer.json(200, "{\"model\":\"" + QWEN
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"18C.\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":3}}"));
        Run r = t.chat("", "--tool", weather.toString(), "--yes", "--no-stream", "Weather in Paris?");
        assertEquals(new Run(0, "18C.\n", """
                chat: tool call get_weather {"city":"Paris"}
                chat: get_weather gave 39 chars
                chat: Qwen/Qwen3-8B · 60 in + 8 out tokens
                """), r);
        assertEquals("w9", sent(1).array("messages").objects().get(2).string("tool_call_id"));
    }

    @Test void continuedWithoutToolsTheRoundsGoAsPlainText() {
        router.prompt("Weather in Paris?", callsWeather()).prompt(RESULT, says("18C.")).prompt("Thanks", says("Bye."));
        assertEquals(0, t.chat("", "--tool", weather.toString(), "--yes", "Weather in Paris?").status());
        assertEquals(0, t.chat("", "-c", "Thanks").status());
        assertEquals("[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},{\"role\":\"assistant\",\"content\":"
                + "\"(called the tool get_weather {\\\"city\\\":\\\"Paris\\\"})\"},{\"role\":\"user\",\"content\":"
                + "\"(the tool get_weather gave: 18C and sunny (asked: {\\\"city\\\":\\\"Paris\\\"}))\"},{\"role\":"
                + "\"assistant\",\"content\":\"18C.\"},{\"role\":\"user\",\"content\":\"Thanks\"}]",
                Json.write(sent(2).get("messages")));
        assertEquals(null, sent(2).get("tools"));
    }
}

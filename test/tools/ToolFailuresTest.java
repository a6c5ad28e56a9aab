import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tools that fail: each a one-line error before anything is sent, or the model told the call failed. */
class ToolFailuresTest extends RouterTest {
    ToolsTest tools = new ToolsTest();

    @BeforeEach void setUp() throws Exception {
        tools.tmp = tmp;
        t.with("HF_TOKEN", "hf_test_token_tools2");
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/" + ToolsTest.QWEN
                + "\" } } } }");
    }

    static final String DEFINITION = "{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}";

    /** The error the model is given for a call of a tool running {@code body}, and what stderr said of it. */
    void failsWith(String body, String toldTheModel, String said, String... options) throws Exception {
        Path tool = tools.tool("bad", DEFINITION, body);
        router.prompt("Weather in Paris?", ToolsTest.callsWeather()).prompt(toldTheModel, ToolsTest.says("Sorry."));
        List<String> args = new java.util.ArrayList<>(List.of("--tool", tool.toString(), "--yes"));
        args.addAll(List.of(options));
        args.add("Weather in Paris?");
        Run r = t.chat("", args.toArray(new String[0]));
        assertEquals(new Run(0, "Sorry.\n", "chat: tool call get_weather {\"city\":\"Paris\"}\n" + said + "\n"
                + "chat: Qwen/Qwen3-8B:nscale via nscale\n"), r);
    }

    @Test void aCallThatExitsNonZero() throws Exception {
        failsWith("echo 'no such city' >&2; exit 3", "error: exited 3 (no such city)",
                "chat: get_weather failed: exited 3 (no such city)");
    }

    @Test void aCallThatRunsPastItsTime() throws Exception {
        failsWith("exec sleep 30", "error: ran past 0.3 s (stopped)", "chat: get_weather failed: ran past 0.3 s "
                + "(stopped)", "--tool-timeout", "0.3");
    }

    @Test void aCallThatPrintsTooMuch() throws Exception {
        failsWith("exec head -c 1100000 /dev/zero", "error: printed more than 1 MB",
                "chat: get_weather failed: printed more than 1 MB");
    }

    @Test void aToolNeverSeesTheToken() throws Exception {
        Path tool = tools.tool("env", DEFINITION, "printf 'token: %s' \"${HF_TOKEN:-none}\"");
        router.prompt("Weather in Paris?", ToolsTest.callsWeather()).prompt("token: none", ToolsTest.says("ok"));
        assertEquals(0, t.chat("", "--tool", tool.toString(), "--yes", "Weather in Paris?").status());
    }

    @Test void aCallOfAToolNotOfferedOrWithBrokenArguments() throws Exception {
        Path tool = tools.tool("weather", DEFINITION, "cat");
        router.prompt("Weather in Paris?", ToolsTest.stream(ToolsTest.delta("{\"tool_calls\":[{\"index\":0,\"id\":"
                + "\"c1\",\"function\":{\"name\":\"rm_rf\",\"arguments\":\"{}\"}},{\"index\":1,\"id\":\"c2\",\"function\":"
                + "{\"name\":\"get_weather\",\"arguments\":\"{city: Paris}\"}}]}"), ToolsTest.finish("tool_calls")))
                .prompt("error: the arguments are not JSON (invalid character 'c' at 1:2)", ToolsTest.says("Sorry."));
        Run r = t.chat("", "--tool", tool.toString(), "--yes", "Weather in Paris?");
        assertEquals(new Run(0, "Sorry.\n", """
                chat: tool call rm_rf {}
                chat: rm_rf not run: no tool of that name was offered
                chat: tool call get_weather {city: Paris}
                chat: get_weather not run: its arguments are not JSON (invalid character 'c' at 1:2)
                chat: Qwen/Qwen3-8B:nscale via nscale
                """), r);
        assertEquals("error: no tool called rm_rf was offered", Json.parse(router.requests.get(1).body()).asObject()
                .array("messages").objects().get(2).string("content"));
    }

    @Test void badToolsFailInOneLineBeforeAnythingIsSent() throws Exception {
        Path plain = tmp.resolve("plain");
        Files.writeString(plain, "#!/bin/sh\n");
        Path mute = tools.tool("mute", "", "true");
        Path noName = tools.tool("noname", "{\"description\":\"x\"}", "true");
        Path badName = tools.tool("badname", "{\"name\":\"get weather\"}", "true");
        Path prose = tools.tool("prose", "I am a tool", "true");
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        for (String[] c : List.of(
                new String[] {plain.toString(), "chat: --tool " + plain + ": not executable (chmod +x it)"},
                new String[] {tmp.resolve("none").toString(), "chat: --tool " + tmp.resolve("none") + ": no such file"},
                new String[] {dir.toString(), "chat: --tool " + dir + ": not a regular file"},
                new String[] {mute.toString(), "chat: --tool " + mute + ": --describe printed no valid definition: "
                        + "invalid end of input at 1:1"},
                new String[] {prose.toString(), "chat: --tool " + prose + ": --describe printed no valid definition: "
                        + "invalid character 'I' at 1:1"},
                new String[] {noName.toString(), "chat: --tool " + noName + ": --describe printed no valid name "
                        + "(letters, digits, _ and -, at most 64)"},
                new String[] {badName.toString(), "chat: --tool " + badName + ": --describe printed no valid name "
                        + "(letters, digits, _ and -, at most 64): 'get weather'"})) {
            assertEquals(new Run(1, "", c[1] + "\n"), t.chat("", "--tool", c[0], "hi"));
        }
        Path twice = tools.tool("twice", DEFINITION, "true");
        Path again = tools.tool("again", DEFINITION, "true");
        assertEquals(new Run(1, "", "chat: two tools are called get_weather: from --tool " + twice + " and from "
                + "--tool " + again + "\n"), t.chat("", "--tool", twice.toString(), "--tool", again.toString(), "hi"));
        assertEquals(List.of(), router.requests);
    }

    @Test void aFolderOfToolsOffersItsExecutables() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("kit"));
        ToolsTest kit = new ToolsTest();
        kit.tmp = dir;
        kit.tool("b-time", "{\"name\":\"time\"}", "date");
        kit.tool("a-weather", DEFINITION, "true");
        kit.tool(".hidden", "{\"name\":\"hidden\"}", "true");
        Files.writeString(dir.resolve("README"), "not a tool");
        router.prompt("hi", ToolsTest.says("hello"));
        assertEquals(0, t.chat("", "--tools", dir.toString(), "--yes", "hi").status());
        List<String> names = Json.parse(router.requests.get(0).body()).asObject().array("tools").objects().stream()
                .map(o -> o.object("function").string("name")).toList();
        assertEquals(List.of("get_weather", "time"), names);
    }

    @Test void usageErrors() {
        for (String[] c : List.of(new String[] {"--yes", "hi", "chat: --yes goes with --tool, --tools, --mcp-server or "
                + "--mcp"}, new String[] {"--allow", "echo", "chat: --allow goes with --tool, --tools, --mcp-server or "
                + "--mcp"})) {
            Run r = t.chat("", c[0], c[1]);
            assertEquals(2, r.status());
            assertEquals(c[2], r.err().lines().findFirst().orElse(""));
        }
    }

    @Test void aNameFromTheModelIsPrintedHarmlessAndCut() throws Exception {
        Path tool = tools.tool("weather", DEFINITION, "cat");
        String name = "\\u001b]0;pwned\\u0007" + "x".repeat(300);
        router.prompt("Weather in Paris?", ToolsTest.stream(ToolsTest.delta("{\"tool_calls\":[{\"index\":0,\"id\":"
                + "\"c1\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"{}\"}}]}"),
                ToolsTest.finish("tool_calls"))).prompt("error: no tool called \u001b]0;pwned\u0007" + "x".repeat(300)
                + " was offered", ToolsTest.says("Sorry."));
        Run r = t.chat("", "--tool", tool.toString(), "--yes", "Weather in Paris?");
        assertEquals(0, r.status(), r.err());
        assertEquals(false, r.err().contains("\u001b") || r.err().contains("\u0007"), r.err());
        assertEquals(true, r.err().lines().allMatch(l -> l.length() < 120), r.err());
    }
}

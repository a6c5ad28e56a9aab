import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real MCP reference server from npm ({@code @modelcontextprotocol/server-everything}), as {@code .ci/mcp-everything
 * install} installs it and names the command in {@code MCP_EVERYTHING_SERVER}: its echo tool called by the fake
 * model's tool call, the result in the answer. Skipped, saying so, where it is not installed (no npm here).
 */
class McpEverythingTest extends RouterTest {
    static final String SERVER = System.getenv("MCP_EVERYTHING_SERVER");

    @BeforeEach void setUp() {
        Assumptions.assumeTrue(SERVER != null && !SERVER.isBlank(), "skipped: MCP_EVERYTHING_SERVER is not set "
                + "(.ci/mcp-everything install prints it; .ci/run sets it when npm can be reached)");
        t.with("HF_TOKEN", "hf_test_token_everything");
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/" + ToolsTest.QWEN
                + "\" } } } }");
    }

    @Test void itsEchoToolAnswersTheModelsCall() {
        router.prompt("Echo this", McpServerTest.calls("echo", "{\"message\":\"hello from chat\"}"))
                .prompt("Echo: hello from chat", ToolsTest.says("It said: Echo: hello from chat"));
        Run r = t.chat("", "--mcp-server", SERVER, "--yes", "Echo this");
        assertEquals(new Run(0, "It said: Echo: hello from chat\n", """
                chat: tool call echo {"message":"hello from chat"}
                chat: echo gave 21 chars
                chat: Qwen/Qwen3-8B:nscale via nscale
                """), r);
        List<String> offered = Json.parse(router.requests.get(0).body()).asObject().array("tools").objects().stream()
                .map(o -> o.object("function").string("name")).toList();
        assertTrue(offered.contains("echo") && offered.size() > 5, offered.toString());
        assertEquals("Echo: hello from chat", Json.parse(router.requests.get(1).body()).asObject().array("messages")
                .objects().get(2).string("content"));
    }
}

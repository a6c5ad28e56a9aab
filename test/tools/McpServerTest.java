import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat --mcp-server: a stdio MCP server (a small sh script here) started, listed, called and stopped. */
class McpServerTest extends RouterTest {
    Path server, stopped;

    /** Answers initialize (after asking us a ping), tools/list and tools/call; says on stderr and stdout what a
     * real one may; writes {@code stopped} when its stdin closes. */
    static final String SERVER = """
            #!/bin/sh
            echo "fake MCP server starting" >&2
            echo "not a JSON-RPC line"
            while IFS= read -r line; do
              id=$(printf '%s' "$line" | sed -n 's/.*"id":\\([0-9][0-9]*\\).*/\\1/p')
              case $line in
                *'"method":"initialize"'*)
                  printf '{"jsonrpc":"2.0","id":"s1","method":"ping"}\\n'
                  printf '{"jsonrpc":"2.0","id":%s,"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"fake","version":"1"}}}\\n' "$id" ;;
                *'"method":"tools/list"'*)
                  printf '{"jsonrpc":"2.0","id":%s,"result":{"tools":[{"name":"echo","description":"Echoes back","inputSchema":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"message":{"type":"string"}}}},{"name":"fs.read","inputSchema":{"type":"object"}}]}}\\n' "$id" ;;
                *'"method":"tools/call"'*'"name":"echo"'*)
                  msg=$(printf '%s' "$line" | sed -n 's/.*"message":"\\([^"]*\\)".*/\\1/p')
                  printf '{"jsonrpc":"2.0","id":%s,"result":{"content":[{"type":"text","text":"Echo: %s"}]}}\\n' "$id" "$msg" ;;
                *'"method":"tools/call"'*)
                  printf '{"jsonrpc":"2.0","id":%s,"result":{"content":[{"type":"text","text":"no such file"}],"isError":true}}\\n' "$id" ;;
                *'"result":{}'*) echo "pong seen" >&2 ;;
              esac
            done
            echo stopped > "$1"
            """;

    @BeforeEach void setUp() throws Exception {
        t.with("HF_TOKEN", "hf_test_token_mcp1");
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/" + ToolsTest.QWEN
                + "\" } } } }");
        server = tmp.resolve("server.sh");
        Files.writeString(server, SERVER);
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
        stopped = tmp.resolve("stopped");
    }

    static FakeRouter.Answer calls(String name, String arguments) {
        return ToolsTest.stream(ToolsTest.delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\""
                + name + "\",\"arguments\":" + Json.write(JsonValue.of(arguments)) + "}}]}"),
                ToolsTest.finish("tool_calls"));
    }

    @Test void itsToolsAreOfferedCalledAndTheServerStopped() throws Exception {
        router.prompt("Say hi back", calls("echo", "{\"message\":\"hi\"}")).prompt("Echo: hi", ToolsTest.says("hi!"));
        Run r = t.chat("", "--mcp-server", server + " " + stopped, "--yes", "Say hi back");
        assertEquals(new Run(0, "hi!\n", """
                chat: tool call echo {"message":"hi"}
                chat: echo gave 8 chars
                chat: Qwen/Qwen3-8B:nscale via nscale
                """), r);
        assertEquals("[{\"type\":\"function\",\"function\":{\"name\":\"echo\",\"description\":\"Echoes back\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}}}}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"fs_read\",\"parameters\":{\"type\":\"object\"}}}]",
                Json.write(Json.parse(router.requests.get(0).body()).asObject().get("tools")));
        assertEquals("stopped\n", Files.readString(stopped));
    }

    @Test void aCallTheServerSaysFailedIsToldToTheModel() {
        router.prompt("Read it", calls("fs_read", "{}")).prompt("error: the server says the call failed: no such file",
                ToolsTest.says("It is not there."));
        Run r = t.chat("", "--mcp-server", server + " " + stopped, "--yes", "Read it");
        assertEquals(new Run(0, "It is not there.\n", """
                chat: tool call fs_read {}
                chat: fs_read failed: the server says the call failed: no such file
                chat: Qwen/Qwen3-8B:nscale via nscale
                """), r);
    }

    @Test void aServerThatEndsAtOnceFailsInOneLine() throws Exception {
        Path dies = tmp.resolve("dies.sh");
        Files.writeString(dies, "#!/bin/sh\necho 'cannot open the database' >&2\nexit 4\n");
        Files.setPosixFilePermissions(dies, PosixFilePermissions.fromString("rwx------"));
        assertEquals(new Run(1, "", "chat: --mcp-server '" + dies + "': the server ended (exit 4: cannot open the "
                + "database)\n"), t.chat("", "--mcp-server", dies.toString(), "hi"));
        assertEquals(new Run(1, "", "chat: --mcp-server '" + tmp.resolve("none") + "': could not start "
                + tmp.resolve("none") + ": No such file or directory\n"),
                t.chat("", "--mcp-server", tmp.resolve("none").toString(), "hi"));
        assertEquals(List.of(), router.requests);
    }
}

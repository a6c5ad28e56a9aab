import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat --mcp: the router's Remote MCP through /v1/responses: the body sent, its events, approvals as new requests. */
class RemoteMcpTest extends RouterTest {
    static final String LIST = "{\"type\":\"mcp_list_tools\",\"id\":\"mcpl_1\",\"server_label\":\"huggingface_co\","
            + "\"tools\":[{\"name\":\"model_search\",\"input_schema\":{\"type\":\"object\"}}]}";
    static final String ASKS = "{\"type\":\"mcp_approval_request\",\"id\":\"mcpr_1\",\"server_label\":"
            + "\"huggingface_co\",\"name\":\"model_search\",\"arguments\":\"{\\\"query\\\":\\\"qwen\\\"}\"}";
    static final String CALL = "{\"type\":\"mcp_call\",\"id\":\"mcp_1\",\"server_label\":\"huggingface_co\",\"name\":"
            + "\"model_search\",\"arguments\":\"{\\\"query\\\":\\\"qwen\\\"}\",\"output\":\"Qwen/Qwen3-8B\",\"error\":null}";
    static final String TEXT = "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
            + "\"text\":\"The top one is Qwen3-8B.\"}]}";

    @BeforeEach void setUp() {
        t.with("HF_TOKEN", "hf_test_token_remote1");
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/" + ToolsTest.QWEN
                + "\" } } } }");
    }

    /** An event stream: each item done, the text deltas, then response.completed with the items as its output. */
    static FakeRouter.Answer events(List<String> items, String... deltas) {
        StringBuilder sb = new StringBuilder("data: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\","
                + "\"status\":\"in_progress\",\"output\":[]}}\n\n");
        for (String item : items) sb.append("data: {\"type\":\"response.output_item.done\",\"item\":").append(item)
                .append("}\n\n");
        for (String d : deltas) sb.append("data: {\"type\":\"response.output_text.delta\",\"delta\":\"").append(d)
                .append("\"}\n\n");
        sb.append("data: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\","
                + "\"output\":[").append(String.join(",", items)).append("],\"usage\":{\"input_tokens\":50,"
                + "\"output_tokens\":10,\"total_tokens\":60}}}\n\n");
        return FakeRouter.Answer.sse(sb.toString()).header("x-inference-provider", "nscale");
    }

    JsonObject sent(int i) { return Json.parse(router.requests.get(i).body()).asObject(); }

    @Test void withYesTheRouterCallsTheToolsItself() {
        router.answer("/v1/responses", events(List.of(LIST, CALL, TEXT), "The top one is ", "Qwen3-8B."));
        Run r = t.chat("", "--mcp", "https://huggingface.co/mcp", "--allow", "model_search", "--yes",
                "Top Qwen model?");
        assertEquals(new Run(0, "The top one is Qwen3-8B.\n", """
                chat: remote tool call huggingface_co.model_search {"query":"qwen"} ran
                chat: Qwen/Qwen3-8B via nscale · 50 in + 10 out tokens
                """), r);
        assertEquals("{\"model\":\"Qwen/Qwen3-8B\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":"
                + "\"Top Qwen model?\"}],\"tools\":[{\"type\":\"mcp\",\"server_label\":\"huggingface_co\",\"server_url\":"
                + "\"https://huggingface.co/mcp\",\"allowed_tools\":[\"model_search\"],\"require_approval\":\"never\"}],"
                + "\"stream\":true}", router.requests.get(0).body());
        assertEquals("/v1/responses", router.requests.get(0).path());
    }

    @Test void onATerminalAnApprovalIsANewRequestCarryingTheWholeInput() {
        router.answer("/v1/responses", events(List.of(LIST, ASKS)), events(List.of(CALL, TEXT), "The top one is ",
                "Qwen3-8B."));
        Run r = t.chatTyping("y\n", "--mcp", "https://huggingface.co/mcp", "-s", "Be brief.", "Top Qwen model?");
        assertEquals(new Run(0, "The top one is Qwen3-8B.\n", "chat: tool call model_search {\"query\":\"qwen\"}\n"
                + "chat: run model_search {\"query\":\"qwen\"} (--mcp huggingface_co)? [y/N/a] "
                + "chat: remote tool call huggingface_co.model_search {\"query\":\"qwen\"} ran\n"
                + "chat: Qwen/Qwen3-8B:nscale via nscale · 100 in + 20 out tokens\n"), r);
        assertEquals("\"always\"", Json.write(sent(0).array("tools").objects().get(0).get("require_approval")));
        assertEquals("Be brief.", sent(1).string("instructions"));
        assertEquals("[{\"type\":\"message\",\"role\":\"user\",\"content\":\"Top Qwen model?\"}," + LIST + "," + ASKS
                + ",{\"type\":\"mcp_approval_response\",\"approval_request_id\":\"mcpr_1\",\"approve\":true}]",
                Json.write(sent(1).get("input")));
    }

    @Test void withoutATerminalTheCallIsDeclined() {
        router.answer("/v1/responses", events(List.of(LIST, ASKS)), events(List.of(TEXT), "I could not search."));
        Run r = t.chat("", "--mcp", "https://huggingface.co/mcp", "Top Qwen model?");
        assertEquals(0, r.status(), r.err());
        assertEquals("{\"type\":\"mcp_approval_response\",\"approval_request_id\":\"mcpr_1\",\"approve\":false}",
                Json.write(sent(1).array("input").get(3)));
    }

    @Test void aFailedResponseAndBadUrls() {
        router.answer("/v1/responses", FakeRouter.Answer.sse("data: {\"type\":\"response.failed\",\"response\":"
                + "{\"error\":{\"message\":\"could not connect to the MCP server\"}}}\n\n"));
        Run r = t.chat("", "--mcp", "https://mcp.example.com/sse", "--yes", "--retries", "0", "hi");
        assertEquals(new Run(1, "", "chat: Qwen/Qwen3-8B: the response failed: could not connect to the MCP server\n"
                + "chat: no model answered (1 attempt)\n"), r);
        for (String[] c : List.of(new String[] {"http://mcp.example.com/", "chat: invalid value for --mcp: "
                + "'http://mcp.example.com/' (an https URL)"}, new String[] {"https://u:p@mcp.example.com/", "chat: "
                + "--mcp: a URL with a login in it would be sent to the router; give the server's URL without one"})) {
            Run bad = t.chat("", "--mcp", c[0], "hi");
            assertEquals(2, bad.status());
            assertEquals(c[1], bad.err().lines().findFirst().orElse(""));
        }
        Run mixed = t.chat("", "--mcp", "https://mcp.example.com/", "--tool", "x", "hi");
        assertEquals("chat: --mcp and --tool together: the router runs --mcp servers (through /v1/responses), chat "
                + "runs --tool (through chat/completions); choose one", mixed.err().lines().findFirst().orElse(""));
    }

    @Test void aWholeResponseToo() {
        router.answer("/v1/responses", FakeRouter.Answer.json(200, "{\"id\":\"resp_2\",\"status\":\"completed\","
                + "\"output\":[" + LIST + "," + CALL + "," + TEXT + "],\"usage\":{\"input_tokens\":7,\"output_tokens\":"
                + "3,\"total_tokens\":10}}"));
        Run r = t.chat("", "--mcp", "https://huggingface.co/mcp", "--yes", "--no-stream", "Top Qwen model?");
        assertEquals(new Run(0, "The top one is Qwen3-8B.\n", """
                chat: remote tool call huggingface_co.model_search {"query":"qwen"} ran
                chat: Qwen/Qwen3-8B · 7 in + 3 out tokens
                """), r);
        assertEquals(false, sent(0).boolOr("stream", true));
    }
}

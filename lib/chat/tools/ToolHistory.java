import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation's earlier tool rounds, as the request asking its next question can carry them. A question asked
 * with the same kind of tools sends them as they were; one asked without tools (or with the other kind) would be
 * refused by providers for naming calls of tools it does not define, so there each round becomes plain text: the
 * assistant's calls a line each, their results one user message, keeping the turns alternating. A Remote MCP round's
 * own items ({@code mcp_list_tools}, approvals) go only to /v1/responses; elsewhere the answer they led to stands.
 */
final class ToolHistory {
    /** What the request offers: no tools, functions (chat/completions), or Remote MCP (/v1/responses). */
    enum Offered { NONE, FUNCTIONS, REMOTE_MCP }

    private ToolHistory() { }

    static Offered of(ChatRun.Settings settings) {
        if (settings.extra() == null || !settings.extra().has("tools")) return Offered.NONE;
        return RemoteMcp.offeredIn(settings.extra()) ? Offered.REMOTE_MCP : Offered.FUNCTIONS;
    }

    static List<JsonValue> forRequest(List<JsonValue> history, Offered offered) {
        List<JsonValue> sent = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        StringBuilder results = null;
        for (JsonValue m : history) {
            JsonObject o = m.asObject();
            boolean item = o.has("type") && !o.has("role");
            boolean tool = "tool".equals(o.string("role"));
            boolean calls = o.has("tool_calls");
            if (results != null && !tool) {
                sent.add(ChatReport.message("user", results.toString()));
                results = null;
            }
            if (item) {
                if (offered == Offered.REMOTE_MCP) sent.add(o);
            } else if (offered == Offered.FUNCTIONS || !tool && !calls) {
                sent.add(o);
            } else if (calls) {
                StringBuilder said = new StringBuilder(o.stringOr("content", ""));
                for (JsonObject c : o.array("tool_calls").objects()) {
                    JsonObject f = c.object("function");
                    String name = f == null ? "?" : f.stringOr("name", "?");
                    names.put(c.stringOr("id", ""), name);
                    if (said.length() > 0) said.append('\n');
                    said.append("(called the tool ").append(name).append(' ').append(f == null ? "{}"
                            : f.stringOr("arguments", "{}")).append(')');
                }
                sent.add(ChatReport.message("assistant", said.toString()));
            } else {
                results = results == null ? new StringBuilder() : results.append("\n\n");
                results.append("(the tool ").append(names.getOrDefault(o.stringOr("tool_call_id", ""), "?"))
                        .append(" gave: ").append(o.stringOr("content", "")).append(')');
            }
        }
        if (results != null) sent.add(ChatReport.message("user", results.toString()));
        return sent;
    }
}

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code /v1/responses} answer says, streamed ({@code response.output_text.delta}, {@code
 * response.output_item.done} with {@code mcp_call}, {@code mcp_list_tools} and {@code mcp_approval_request} items,
 * {@code response.completed}) or whole (the response object): the text shown as it comes, each remote call said on
 * stderr, and an {@link ChatRun.Answer} whose calls are the approval requests and whose items are the response's
 * output (what the next request carries back).
 */
final class ResponseEvents {
    private final ChatOutput output;
    private final PrintStream err;
    private final List<JsonValue> items = new ArrayList<>();
    private final List<ToolCall> approvals = new ArrayList<>();
    private JsonObject completed;
    /** The ids of the calls and approval requests said (streamed items come again in the completed response). */
    private final java.util.Set<String> saidCalls = new java.util.HashSet<>();
    private String finish;

    private ResponseEvents(ChatOutput output, PrintStream err) {
        this.output = output;
        this.err = err;
    }

    /** Reads the answer in {@code response}; a failure (the stream broke, an error event) is a RouterError. */
    static ChatRun.Answer read(RouterResponse response, boolean streamed, String model, String provider,
            String requestId, ChatOutput output, PrintStream err) throws RouterError {
        ResponseEvents events = new ResponseEvents(output, err);
        if (streamed) events.stream(response);
        else events.whole(response);
        JsonObject usage = events.completed == null ? null : events.completed.object("usage");
        ChatChunk.Usage used = usage == null ? null : new ChatChunk.Usage(usage.longOr("input_tokens", 0),
                usage.longOr("output_tokens", 0), usage.longOr("total_tokens", usage.longOr("input_tokens", 0)
                        + usage.longOr("output_tokens", 0)));
        return new ChatRun.Answer(model, provider, output.answerText(), output.reasoningText(), events.finish, used,
                requestId).withCalls(events.approvals, new JsonArray(events.items));
    }

    private void stream(RouterResponse response) throws RouterError {
        Sse sse = new Sse();
        while (completed == null) {
            String line = response.nextLine();
            String data = line != null ? sse.line(line) : sse.end();
            if (data != null && !data.strip().equals("[DONE]")) event(parse(data));
            if (line == null) break;
            if (output.size() > ChatRun.MAX_ANSWER) throw new RouterError(0, "the answer passed "
                    + ChatRun.MAX_ANSWER / (1024 * 1024) + " MB");
        }
        if (completed == null) throw new RouterError(0, "the stream stopped before the answer was complete");
    }

    private void whole(RouterResponse response) throws RouterError {
        JsonObject r = parse(response.rest(RouterClient.MAX_BODY));
        if (r.get("error") instanceof JsonObject e) throw new RouterError(0, "error: "
                + McpContent.oneLine(e.stringOr("message", Json.write(e))));
        JsonArray out = r.array("output");
        for (JsonObject item : out == null ? List.<JsonObject>of() : out.objects()) {
            if ("message".equals(item.string("type"))) {
                JsonArray parts = item.array("content");
                for (JsonObject p : parts == null ? List.<JsonObject>of() : parts.objects()) {
                    if ("output_text".equals(p.string("type")) && p.string("text") != null) output.content(p.string(
                            "text"));
                }
            } else {
                said(item);   // in the order the router gives: a call said before the text it led to
            }
        }
        done(r);
    }

    private static JsonObject parse(String data) throws RouterError {
        try {
            return Json.parse(data).asObject();
        } catch (JsonException e) {
            throw new RouterError(0, "the stream carried something that is not JSON (" + e.getMessage() + ")");
        }
    }

    private void event(JsonObject e) throws RouterError {
        String type = e.stringOr("type", "");
        switch (type) {
            case "response.output_text.delta" -> output.content(e.stringOr("delta", ""));
            case "response.reasoning_text.delta", "response.reasoning_summary_text.delta" -> output.reasoning(
                    e.stringOr("delta", ""));
            case "response.output_item.done" -> {
                JsonObject item = e.object("item");
                if (item != null) {
                    items.add(item);
                    said(item);
                }
            }
            case "response.completed", "response.incomplete" -> done(e.object("response"));
            case "response.failed" -> {
                JsonObject r = e.object("response");
                JsonObject error = r == null ? null : r.object("error");
                throw new RouterError(0, "the response failed" + (error == null ? "" : ": "
                        + McpContent.oneLine(error.stringOr("message", Json.write(error)))));
            }
            case "error" -> throw new RouterError(0, "error in the stream: " + McpContent.oneLine(e.stringOr(
                    "message", Json.write(e))));
            default -> { }
        }
    }

    /** An output item, said on stderr when it is a remote call or a server's tool list that failed. */
    private void said(JsonObject item) {
        String type = item.stringOr("type", "");
        String server = item.stringOr("server_label", "");
        if (type.equals("mcp_call")) {
            if (!saidCalls.add(item.stringOr("id", ""))) return;   // said once, as it came or at the end
            output.breakLine();
            JsonValue failed = item.get("error");
            String error = failed instanceof JsonString s ? s.value() : failed instanceof JsonObject o
                    ? o.stringOr("message", Json.write(o)) : null;
            String call = new ToolCall(item.stringOr("id", ""), server + "." + item.stringOr("name", ""),
                    item.stringOr("arguments", "")).shown();
            Cli.say(err, "remote tool call " + call + (error == null ? " ran" : " failed: "
                    + McpContent.oneLine(error)));
        } else if (type.equals("mcp_list_tools") && item.get("error") != null && item.get("error") != JsonValue.NULL
                && saidCalls.add(item.stringOr("id", ""))) {
            String why = item.get("error") instanceof JsonString s ? s.value() : Json.write(item.get("error"));
            Cli.say(err, "remote MCP " + McpContent.oneLine(server) + ": could not list its tools: "
                    + McpContent.oneLine(why));
        } else if (type.equals("mcp_approval_request") && saidCalls.add(item.stringOr("id", ""))) {
            approvals.add(new ToolCall(item.stringOr("id", ""), item.stringOr("name", ""), item.stringOr("arguments",
                    "")));
        }
    }

    private void done(JsonObject response) {
        completed = response == null ? JsonValue.object() : response;
        JsonArray out = completed.array("output");
        if (out != null) {
            items.clear();
            items.addAll(out.elements());
            for (JsonObject item : out.objects()) said(item);
        }
        JsonObject incomplete = completed.object("incomplete_details");
        finish = "incomplete".equals(completed.string("status")) ? (incomplete != null
                && "max_output_tokens".equals(incomplete.string("reason")) ? "length" : "incomplete")
                : !approvals.isEmpty() ? "tool_calls" : "stop";
    }
}

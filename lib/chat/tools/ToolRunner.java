import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool calls of one question, round after round: each call shown on stderr, asked ({@link ToolApproval}), run,
 * and its result (or why it failed or did not run) given to the model, as a {@code tool} message answering the
 * call's id. At most {@code max} calls a question (--max-tool-calls): a call past it is not run, the model is told
 * so and asked once more without tools ({@link #exhausted}). Remote MCP calls ({@code /v1/responses}) are run by the
 * router: here they are only approved, or not ({@code mcp_approval_response}).
 */
final class ToolRunner {
    private final ToolBox box;
    private final ToolApproval approval;
    private final int max;
    private final Duration limit;
    private final PrintStream err;
    private int calls;
    private boolean exhausted;

    ToolRunner(ToolBox box, ToolApproval approval, int max, Duration limit, PrintStream err) {
        this.box = box;
        this.approval = approval;
        this.max = max;
        this.limit = limit;
        this.err = err;
    }

    void newQuestion() {
        calls = 0;
        exhausted = false;
    }

    /** Whether a call was refused for the limit: the next request asks for an answer without tools. */
    boolean exhausted() { return exhausted; }

    int max() { return max; }

    /** {@code settings} asking for an answer without more calls ({@code tool_choice: none}; the tools stay defined,
     * since the history names them). */
    static ChatRun.Settings withoutTools(ChatRun.Settings settings) {
        return new ChatRun.Settings(settings.temperature(), settings.maxTokens(), settings.stream(),
                settings.retries(), settings.idle(), settings.responseFormat(), settings.reroute(), settings.maxCost(),
                settings.maxCostFrom(), settings.extra().with("tool_choice", JsonValue.of("none")));
    }

    /**
     * What carries the question on after {@code answer} asked for tools: the answer itself (the assistant message
     * with its calls; a response's output items), then a result for each call.
     */
    List<JsonValue> round(ChatRun.Answer answer) throws InterruptedException {
        String cut = "length".equals(answer.finishReason()) ? answer.calls().get(answer.calls().size() - 1)
                .shownName() : null;
        if (cut != null) throw new Cli.Failure("the model's call to " + cut + " was cut off at the "
                + "token limit (finish_reason: length); nothing was run (raise --max-tokens)");
        if (exhausted) throw new Cli.Failure("the model asked for more tool calls after the limit of " + max
                + " (--max-tool-calls); stopped");
        List<JsonValue> carried = new ArrayList<>();
        if (answer.items() != null) {
            carried.addAll(answer.items().elements());
            for (ToolCall call : answer.calls()) carried.add(JsonValue.object("type",
                    JsonValue.of("mcp_approval_response"), "approval_request_id", JsonValue.of(call.id()), "approve",
                    JsonValue.of(refusal(call, "--mcp " + serverOf(call, answer.items())) == null)));
            return carried;
        }
        carried.add(said(answer));
        for (ToolCall call : answer.calls()) {
            Tool.Result result = run(call);
            String content = result.failure() == null ? result.text() : "error: " + result.failure();
            carried.add(JsonValue.object("role", JsonValue.of("tool"), "tool_call_id", JsonValue.of(call.id()),
                    "content", JsonValue.of(content)));
        }
        return carried;
    }

    /** The server a remote call's approval request names ({@code server_label}), as --mcp gave it. */
    private static String serverOf(ToolCall call, JsonArray items) {
        for (JsonObject item : items.objects()) {
            if (call.id().equals(item.string("id"))) return Printable.line(item.stringOr("server_label", "?"));
        }
        return "?";
    }

    /**
     * The assistant message that asked for the calls. Its content is null when it said nothing, never "" (some
     * providers refuse an empty content beside tool calls, with a 400); its reasoning goes back as
     * {@code reasoning_content} (some models need it, and {@link ChatRun} drops it for a provider that refuses it).
     */
    static JsonObject said(ChatRun.Answer answer) {
        List<JsonValue> calls = new ArrayList<>();
        for (ToolCall c : answer.calls()) calls.add(c.json());
        return JsonValue.object("role", JsonValue.of("assistant"), "content", answer.content().isEmpty()
                ? JsonValue.NULL : JsonValue.of(answer.content()), "tool_calls", new JsonArray(calls),
                "reasoning_content", answer.reasoning().isEmpty() ? null : JsonValue.of(answer.reasoning()));
    }

    /** Null when {@code call} may run (said, counted, asked); else why not, as the model is told it. */
    private String refusal(ToolCall call, String origin) {
        Cli.say(err, "tool call " + call.shown());
        if (calls >= max) {
            exhausted = true;
            Cli.say(err, call.shownName() + " not run: " + max + " tool calls is the limit for one question "
                    + "(--max-tool-calls)");
            return "not run: the limit of " + max + " tool calls for one question was reached; answer with what you "
                    + "have";
        }
        calls++;
        if (approval.allows(call, origin)) return null;
        Cli.say(err, call.shownName() + " not run: not allowed");
        return "not run: the user did not allow this call";
    }

    private Tool.Result run(ToolCall call) throws InterruptedException {
        Tool tool = box.find(call.name());
        if (tool == null) {
            Cli.say(err, "tool call " + call.shown());
            Cli.say(err, call.shownName() + " not run: no tool of that name was offered");
            return Tool.Result.failed("no tool called " + call.name() + " was offered");
        }
        String refused = refusal(call, tool.origin());
        if (refused != null) return Tool.Result.failed(refused);
        JsonObject arguments;
        try {
            arguments = call.argumentsObject();
        } catch (JsonException e) {
            Cli.say(err, call.name() + " not run: its arguments are not JSON (" + e.getMessage() + ")");
            return Tool.Result.failed("the arguments are not JSON (" + e.getMessage() + ")");
        }
        Tool.Result result = tool.call(arguments, limit);
        if (result.failure() != null) Cli.say(err, call.name() + " failed: " + result.failure());
        else Cli.say(err, call.name() + " gave " + result.text().length() + " chars");
        return result;
    }

    /** Whether {@code messages} send reasoning back ({@code reasoning_content}, beside tool calls). */
    static boolean echoesReasoning(List<JsonValue> messages) {
        for (JsonValue m : messages) if (m instanceof JsonObject o && o.has("reasoning_content")) return true;
        return false;
    }

    /** {@code messages} without {@code reasoning_content} in the assistant messages. */
    static List<JsonValue> withoutReasoning(List<JsonValue> messages) {
        List<JsonValue> sent = new ArrayList<>();
        for (JsonValue message : messages) {
            sent.add(message instanceof JsonObject o ? o.without("reasoning_content") : message);
        }
        return sent;
    }
}
